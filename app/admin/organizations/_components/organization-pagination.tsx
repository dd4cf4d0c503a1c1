import Link from "next/link";
import type { OrganizationFilter } from "@/lib/admin/organizations/list";

function href(filter: OrganizationFilter, page: number) {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.plan) params.set("plan", filter.plan);
  if (filter.status) params.set("status", filter.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/admin/organizations${query ? `?${query}` : ""}`;
}

/** Previous and next pages of the same filter; nothing when everything fits on one page. */
export function OrganizationPagination({
  filter,
  page,
  pages,
  total,
}: {
  filter: OrganizationFilter;
  page: number;
  pages: number;
  total: number;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={href(filter, page - 1)} className="underline">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pages} ({total} organizations)
      </span>
      {page < pages ? (
        <Link href={href(filter, page + 1)} className="underline">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
