import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { readDevMailboxMessage } from "@/lib/email/transport";
import { MessageCard } from "../_components/message-card";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dev mailbox message", robots: { index: false } };

// Links in the HTML preview open in a new tab instead of inside the frame.
function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${html}`;
}

/**
 * One message with its HTML version, in a sandboxed frame without scripts or access to this
 * page (no `allow-scripts`, no `allow-same-origin`); links may open new tabs.
 */
export default async function DevMailboxMessagePage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  if (env.isProduction) notFound();
  const { id } = await params;
  const message = await readDevMailboxMessage(id);
  if (!message) notFound();
  const { html, ...listing } = message;

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="mb-6 text-sm">
        <Link
          href="/dev/mailbox"
          className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-400"
        >
          ← Dev mailbox
        </Link>
      </p>
      <MessageCard message={listing} />
      <h2 className="mt-8 mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        HTML version
      </h2>
      <iframe
        title={`HTML version of “${message.subject}”`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={previewDocument(html)}
        className="h-[32rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
      />
    </main>
  );
}
