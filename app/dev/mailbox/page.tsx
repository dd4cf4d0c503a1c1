import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { env } from "@/lib/env";
import { readDevMailboxPage } from "@/lib/email/transport";
import { MailboxPagination } from "./_components/mailbox-pagination";
import { MessageCard } from "./_components/message-card";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

// Anything else in the query is ignored rather than refused: this is a developer's page.
const querySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  to: z.string().trim().min(1).max(254).optional().catch(undefined),
});

/**
 * Emails the app sent while no Resend key is configured, newest first, a page at a time.
 * A 404 in production: messages hold sign-in and invitation links meant for one person.
 */
export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (env.isProduction) notFound();
  const query = querySchema.parse(await searchParams);
  const mailbox = await readDevMailboxPage(query);

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="mb-8 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-zinc-50">
            Dev mailbox
          </h1>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Emails sent without a Resend key land here (development only). Reload to see new ones.
            {query.to ? ` Showing messages to ${query.to}.` : ""}
          </p>
        </div>
        {mailbox.total > 0 && !query.to ? (
          // A plain form POST: the route checks the origin, so another site cannot empty it.
          <form method="post" action="/dev/mailbox/clear">
            <Button type="submit" variant="secondary" size="sm">
              Clear mailbox
            </Button>
          </form>
        ) : null}
      </header>
      {mailbox.total === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
          <h2 className="font-medium text-zinc-900 dark:text-zinc-100">No emails yet</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Sign up, invite someone or reset a password and the message shows up here.
          </p>
        </div>
      ) : (
        <section aria-label={`${mailbox.total} ${mailbox.total === 1 ? "message" : "messages"}`}>
          <ul className="space-y-4">
            {mailbox.messages.map((message) => (
              <li key={message.id}>
                <MessageCard message={message} />
              </li>
            ))}
          </ul>
          <MailboxPagination page={mailbox.page} pageCount={mailbox.pageCount} to={query.to} />
        </section>
      )}
    </main>
  );
}
