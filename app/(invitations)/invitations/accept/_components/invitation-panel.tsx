import type { ReactNode } from "react";

/** The card every state of the invitation page is shown in; its title is the page's h1. */
export function InvitationPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid gap-4 rounded-2xl border border-zinc-200 bg-white p-6 text-zinc-700 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        {title}
      </h1>
      {children}
    </section>
  );
}
