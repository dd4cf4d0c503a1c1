import Link from "next/link";
import { auditFilterQuery } from "@/lib/audit/display";
import type { AuditFilter } from "@/lib/audit-log/query";

const href = (filter: AuditFilter, page: number) =>
  `/settings/audit?${auditFilterQuery(filter, page)}`;

/** Newer and older pages of the same filter; nothing when everything fits on one page. */
export function AuditPagination({
  filter,
  page,
  hasMore,
}: {
  filter: AuditFilter;
  page: number;
  hasMore: boolean;
}) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav aria-label="Pages" className="flex justify-between text-sm">
      {page > 1 ? (
        <Link href={href(filter, page - 1)} className="underline">
          Newer
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">Page {page}</span>
      {hasMore ? (
        <Link href={href(filter, page + 1)} className="underline">
          Older
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
