import type { ReactNode } from "react";
import { Wordmark } from "./wordmark";

type StatusPageProps = {
  /** "404": shown above the title. */
  code: string;
  title: string;
  children: ReactNode;
  /** The buttons under the text. */
  actions: ReactNode;
  /** Where the wordmark leads: the root host's address from an organization's subdomain. */
  home?: string;
};

/**
 * The frame of the not-found pages: wordmark, code, title, text and a way back. Deliberately
 * small, without the marketing header and footer: Next serializes every not-found boundary into
 * each page's payload, so this markup rides along with every page a visitor opens.
 */
export function StatusPage({ code, title, children, actions, home }: StatusPageProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-5 sm:px-6 lg:px-8">
          <Wordmark href={home} />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-5 py-24 text-center sm:py-32">
        <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">{code}</p>
        <h1 className="mt-4 text-4xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-5xl dark:text-white">
          {title}
        </h1>
        <p className="mt-5 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
          {children}
        </p>
        <div className="mt-10 flex flex-col gap-3 sm:flex-row">{actions}</div>
      </main>
    </div>
  );
}
