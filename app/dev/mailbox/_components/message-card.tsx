import type { DevMailboxMessage } from "@/lib/email/transport";
import { LinkifiedText } from "./linkified-text";

// Links in the HTML preview open in a new tab instead of inside the frame.
function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${html}`;
}

const summaryClass =
  "cursor-pointer select-none rounded-md px-1 text-sm font-medium text-zinc-700 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:text-white";

/**
 * One message. The HTML is shown in a sandboxed frame without scripts or access to
 * this page (no `allow-scripts`, no `allow-same-origin`); links may open new tabs.
 */
export function MessageCard({ message }: { message: DevMailboxMessage }) {
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
      <details className="mt-3">
        <summary className={summaryClass}>HTML preview</summary>
        <iframe
          title={`HTML version of “${message.subject}”`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={previewDocument(message.html)}
          className="mt-2 h-[32rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
        />
      </details>
    </article>
  );
}
