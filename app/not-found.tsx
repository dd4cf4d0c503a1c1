import type { Metadata } from "next";
import { DOCS_URL } from "@/components/shell/navigation";
import { SiteShell } from "@/components/shell/site-shell";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <SiteShell>
      <div className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-5 py-24 text-center sm:py-32">
        <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
        <h1 className="mt-4 text-4xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-5xl dark:text-white">
          We couldn’t find that page
        </h1>
        <p className="mt-5 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
          The link may be out of date, or the page may have moved. If you typed the address, check
          it for typos.
        </p>
        <div className="mt-10 flex flex-col gap-3 sm:flex-row">
          <Button href="/" size="lg">
            Back to the home page
          </Button>
          <Button href={DOCS_URL} size="lg" variant="secondary">
            Read the docs
          </Button>
        </div>
      </div>
    </SiteShell>
  );
}
