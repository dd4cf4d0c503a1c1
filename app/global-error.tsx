"use client";

import { useRequestId } from "@/lib/observability/request-reference";
import "./globals.css";

type GlobalErrorProps = { error: unknown; reset: () => void };

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" && error.digest !== "" ? error.digest : null;
}

/** When the root layout itself fails: a whole document, with the reference to quote. */
export default function GlobalError({ error, reset }: GlobalErrorProps) {
  const requestId = useRequestId();
  const reference = [requestId, digestOf(error)].filter(Boolean).join(" · ");
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col items-center justify-center bg-white px-5 text-center font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
        <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
          We couldn’t load this page. Try again in a moment.
          {reference ? " If it keeps happening, contact us and quote this reference:" : null}
        </p>
        {reference ? (
          <p className="mt-6 rounded-lg bg-zinc-100 px-3 py-2 font-mono text-sm break-all text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
            {reference}
          </p>
        ) : null}
        <button
          type="button"
          onClick={reset}
          className="mt-10 rounded-lg bg-zinc-900 px-5 py-3 font-medium text-white dark:bg-white dark:text-zinc-900"
        >
          Try again
        </button>
      </body>
    </html>
  );
}
