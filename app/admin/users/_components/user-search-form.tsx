import { inputClassName } from "@/components/forms/field";
import { buttonClassName } from "@/components/ui/button";

/** A plain GET form: the query lives in the URL, so a search can be shared and bookmarked. */
export function UserSearchForm({ query }: { query: string }) {
  return (
    <form method="get" action="/admin/users" role="search" className="flex flex-wrap gap-3">
      <label htmlFor="user-search" className="sr-only">
        Search users by email, name or id
      </label>
      <input
        id="user-search"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={200}
        placeholder="Email, name or user id"
        className={`${inputClassName} max-w-md flex-1`}
      />
      <button type="submit" className={buttonClassName({ variant: "primary" })}>
        Search
      </button>
    </form>
  );
}
