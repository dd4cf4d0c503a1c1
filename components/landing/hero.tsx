import { brand } from "@/brand.config";
import { Button } from "@/components/ui/button";
import { authLinks, DOCS_URL } from "@/components/shell/navigation";
import { WorkspacePreview } from "./workspace-preview";

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="absolute inset-x-0 top-0 -z-10 h-[36rem] bg-[radial-gradient(60%_60%_at_50%_0%,var(--color-brand-100),transparent)] dark:bg-[radial-gradient(60%_60%_at_50%_0%,color-mix(in_oklch,var(--color-brand-900)_70%,transparent),transparent)]"
      />
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--color-zinc-200)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-zinc-200)_1px,transparent_1px)] [mask-image:radial-gradient(50%_40%_at_50%_0%,black,transparent)] bg-[size:48px_48px] opacity-60 dark:bg-[linear-gradient(to_right,var(--color-zinc-800)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-zinc-800)_1px,transparent_1px)]"
      />

      <div className="mx-auto max-w-6xl px-5 pt-14 pb-12 sm:px-6 sm:pt-28 lg:px-8">
        <div className="mx-auto max-w-3xl text-center">
          <p className="inline-flex items-center gap-2 rounded-full border border-zinc-200 bg-white/80 px-3 py-1 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-300">
            <span className="size-1.5 rounded-full bg-brand-500" aria-hidden="true" />
            Open source SaaS starter for Next.js 16
          </p>
          <h1
            id="hero-title"
            className="mt-6 text-4xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-6xl dark:text-white"
          >
            The hard parts of SaaS, done properly.
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
            {brand.name} is the starter you fork to launch your product. Your customers sign up, get
            an organization on its own subdomain, invite their team and subscribe. Every step is
            covered by tests that run on your laptop without a single API key.
          </p>
          <div className="mt-10 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Button href={authLinks.signUp} size="lg" className="w-full sm:w-auto">
              Get started
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                className="size-4 fill-none stroke-current stroke-2"
              >
                <path d="M4 10h12m-5-5 5 5-5 5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </Button>
            <Button href={DOCS_URL} size="lg" variant="secondary" className="w-full sm:w-auto">
              Read the docs
            </Button>
          </div>
          <p className="mt-5 text-sm text-zinc-500 dark:text-zinc-400">
            MIT licensed. Node.js 20.19 or newer is all you need to run it.
          </p>
        </div>

        <div className="relative mx-auto mt-12 max-w-4xl sm:mt-20">
          <WorkspacePreview />
        </div>
      </div>
    </section>
  );
}
