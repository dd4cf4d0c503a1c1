import { IntentLink } from "@/components/ui/intent-link";
import { encodeCursor, type ProjectCursor } from "@/lib/projects/cursor";

type PagerProps = { query: string; newer: ProjectCursor | null; older: ProjectCursor | null };

function href(query: string, key: "after" | "before", cursor: ProjectCursor) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  params.set(key, encodeCursor(cursor));
  return `/projects?${params.toString()}`;
}

/** Newer and older pages, by position rather than number: any page costs what the first does. */
export function Pager({ query, newer, older }: PagerProps) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      {newer ? (
        <IntentLink href={href(query, "before", newer)} className="underline">
          Previous
        </IntentLink>
      ) : (
        <span />
      )}
      {older ? (
        <IntentLink href={href(query, "after", older)} className="underline">
          Next
        </IntentLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
