import type { Metadata } from "next";
import { brand } from "@/brand.config";
import { Button } from "@/components/ui/button";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: "No organization at this address",
};

/** An organization subdomain that no organization has taken (yet). */
export default function OrganizationNotFound() {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-center justify-center px-5 py-24 text-center sm:py-32">
      <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-4 text-4xl font-semibold tracking-tight text-balance text-zinc-950 sm:text-5xl dark:text-white">
        No organization at this address
      </h1>
      <p className="mt-5 text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-400">
        Check the address for typos, or ask a member for the link. An organization keeps its address
        for good, so a link that used to work means it has been deleted.
      </p>
      <div className="mt-10">
        {/* The root host: "/" here would be this same subdomain. */}
        <Button href={`${env.appUrl}/`} size="lg">
          Go to the {brand.name} home page
        </Button>
      </div>
    </div>
  );
}
