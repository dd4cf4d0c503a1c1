import type { ReactNode } from "react";
import { Callout } from "@/components/ui/callout";

/** The heading, lead and body of an account page. */
export function AuthCard({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section
      aria-labelledby="auth-title"
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h1
        id="auth-title"
        className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white"
      >
        {title}
      </h1>
      {lead ? <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{lead}</p> : null}
      <div className="mt-6">{children}</div>
      {footer ? (
        <div className="mt-6 border-t border-zinc-200 pt-5 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          {footer}
        </div>
      ) : null}
    </section>
  );
}

export const textLinkClassName =
  "rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:text-brand-300";

/** A notice above the form (e.g. "Your password was changed"). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <Callout tone="success" className="mb-5">
      {children}
    </Callout>
  );
}
