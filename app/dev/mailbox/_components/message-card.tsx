import Link from "next/link";
import type { DevMailboxListing } from "@/lib/email/transport";
import { LinkifiedText } from "./linkified-text";

const summaryClass =
  "cursor-pointer select-none rounded-md px-1 text-sm font-medium text-zinc-700 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:text-white";

/** One message as the list shows it; its HTML version opens on a page of its own. */
export function MessageCard({ message }: { message: DevMailboxListing }) {
  const headingId = `message-${message.id}`;
  const sentAt = new Date(message.createdAt);
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={headingId} className="text-base font-semibold text-zinc-950 dark:text-zinc-50">
          {message.subject}
        </h2>
        <time dateTime={message.createdAt} className="text-sm text-zinc-500 dark:text-zinc-400">
          {sentAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "medium" })}
        </time>
      </header>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">To</dt>
        <dd className="break-all text-zinc-900 dark:text-zinc-100">{message.to}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">From</dt>
        <dd className="break-all text-zinc-900 dark:text-zinc-100">{message.from}</dd>
      </dl>
      <details className="mt-4" open>
        <summary className={summaryClass}>Plain text</summary>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-zinc-50 p-4 font-mono text-sm leading-6 whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
          <LinkifiedText text={message.text} />
        </pre>
      </details>
      <p className="mt-3">
        <Link href={`/dev/mailbox/${message.id}`} className={summaryClass}>
          HTML preview
        </Link>
      </p>
    </article>
  );
}
