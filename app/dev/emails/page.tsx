import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { renderPreview, templateNames } from "@/lib/email/templates/previews";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Email previews", robots: { index: false } };

const linkClass =
  "rounded-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300";

/**
 * Every registered email template, rendered with sample data. A 404 in production, like the
 * dev mailbox: it is a tool for whoever works on the templates.
 */
export default function EmailPreviewsPage() {
  if (env.isProduction) notFound();
  const emails = templateNames.map((name) => ({ name, subject: renderPreview(name).subject }));

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="mb-8">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-zinc-50">
          Email previews
        </h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Every email template with sample data (development only). Sent emails are in the{" "}
          <Link href="/dev/mailbox" className={linkClass}>
            dev mailbox
          </Link>
          .
        </p>
      </header>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {emails.map(({ name, subject }) => (
          <li key={name} className="flex flex-col gap-1 p-4">
            <Link href={`/dev/emails/${name}`} className={`${linkClass} break-words`}>
              {subject}
            </Link>
            <code className="text-xs text-zinc-500 dark:text-zinc-400">{name}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
