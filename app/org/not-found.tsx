import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { Wordmark } from "@/components/shell/wordmark";
import { Button } from "@/components/ui/button";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: "No organization at this address",
};

/**
 * An organization subdomain that no organization has taken (yet), or one the visitor is not a
 * member of. Outside the organization's layout, so it draws its own header; its links go to the
 * root host, since "/" here would be this same subdomain.
 */
export default function OrganizationNotFound() {
  const home = `${env.appUrl}/`;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex h-16 max-w-6xl items-center px-5 sm:px-6 lg:px-8">
          <Wordmark href={home} />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-5 py-24 text-center sm:py-32">
        <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
        <h1 className="mt-4 text-4xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-5xl dark:text-white">
          No organization at this address
        </h1>
        <p className="mt-5 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
          Check the address for typos, or ask a member for the link. An organization keeps its
          address for good, so a link that used to work means it has been deleted.
        </p>
        <div className="mt-10">
          <Button href={home} size="lg">
            Go to the {brand.name} home page
          </Button>
        </div>
      </main>
    </div>
  );
}
