import Link from "next/link";

const linkClass =
  "rounded-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-400 dark:hover:text-blue-300";

function pageHref(page: number, to: string | undefined): string {
  const query = new URLSearchParams();
  if (page > 1) query.set("page", String(page));
  if (to) query.set("to", to);
  const search = query.toString();
  return search ? `/dev/mailbox?${search}` : "/dev/mailbox";
}

/** Newer and older pages; nothing when every message fits on one. */
export function MailboxPagination({
  page,
  pageCount,
  to,
}: {
  page: number;
  pageCount: number;
  to: string | undefined;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={pageHref(page - 1, to)} className={linkClass}>
          Previous (newer)
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page" className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(page + 1, to)} className={linkClass}>
          Next (older)
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
