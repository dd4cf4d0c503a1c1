"use client";

import { Wordmark } from "@/components/shell/wordmark";
import { Button } from "@/components/ui/button";
import { useRequestId } from "@/lib/observability/request-reference";

type ErrorPageProps = {
  /** Whatever was thrown: only its digest is shown, never its message. */
  error: unknown;
  reset: () => void;
  /** Refetches the server components, then resets; absent on older Next.js versions. */
  retry?: () => void;
};

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" && error.digest !== "" ? error.digest : null;
}

export default function ErrorPage({ error, reset, retry }: ErrorPageProps) {
  const digest = digestOf(error);
  const requestId = useRequestId();
  const reference = [requestId, digest].filter(Boolean).join(" · ");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-5 sm:px-6 lg:px-8">
          <Wordmark />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-5 py-24 text-center">
        <h1 className="text-3xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white">
          Something went wrong
        </h1>
        <p className="mt-4 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
          We couldn’t load this page. Try again in a moment.
          {reference ? " If it keeps happening, contact us and quote this reference:" : null}
        </p>
        {reference ? (
          <p className="mt-6 rounded-lg bg-zinc-100 px-3 py-2 font-mono text-sm break-all text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
            {reference}
          </p>
        ) : null}
        <div className="mt-10 flex flex-col gap-3 sm:flex-row">
          {/* retry() also refetches server data, which a server-side failure needs; reset() alone would re-render the same result. */}
          <Button size="lg" onClick={() => (retry ?? reset)()}>
            Try again
          </Button>
          <Button href="/" size="lg" variant="secondary">
            Go to the home page
          </Button>
        </div>
      </main>
    </div>
  );
}
