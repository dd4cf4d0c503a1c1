import { brand } from "@/brand.config";
import { Button } from "@/components/ui/button";
import { authLinks, DOCS_URL } from "@/components/shell/navigation";

export function ClosingCall() {
  return (
    <section aria-labelledby="closing-title" className="py-16 sm:py-28">
      <div className="mx-auto max-w-6xl px-5 sm:px-6 lg:px-8">
        <div className="relative isolate overflow-hidden rounded-3xl bg-brand-50 px-6 py-16 text-center ring-1 ring-brand-100 sm:px-16 dark:bg-brand-950/50 dark:ring-brand-900">
          <div
            aria-hidden="true"
            className="absolute inset-0 -z-10 bg-[radial-gradient(50%_90%_at_50%_100%,var(--color-brand-100),transparent)] dark:bg-[radial-gradient(50%_90%_at_50%_100%,var(--color-brand-900),transparent)]"
          />
          <h2
            id="closing-title"
            className="text-3xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white"
          >
            Start on the part only you can build
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-300">
            Organizations, accounts, billing and the tests behind them are done. Fork {brand.name}{" "}
            and spend your first week on your product.
          </p>
          <div className="mt-10 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Button href={authLinks.signUp} size="lg" className="w-full sm:w-auto">
              Get started
            </Button>
            <Button href={DOCS_URL} size="lg" variant="secondary" className="w-full sm:w-auto">
              Read the docs
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
