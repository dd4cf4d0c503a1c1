import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { listDevMailbox } from "@/lib/email/transport";
import { MessageCard } from "./_components/message-card";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

/**
 * Emails the app sent while no Resend key is configured, newest first. A 404 in
 * production: messages hold sign-in and invitation links meant for one person.
 */
export default async function DevMailboxPage() {
  if (env.isProduction) notFound();
  const messages = await listDevMailbox();

  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="mb-8">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-zinc-50">
          Dev mailbox
        </h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Emails sent without a Resend key land here (development only). Reload to see new ones.
        </p>
      </header>
      {messages.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
          <h2 className="font-medium text-zinc-900 dark:text-zinc-100">No emails yet</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Sign up, invite someone or reset a password and the message shows up here.
          </p>
        </div>
      ) : (
        <section aria-label={`${messages.length} messages`}>
          <ul className="space-y-4">
            {messages.map((message) => (
              <li key={message.id}>
                <MessageCard message={message} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
