import type { Metadata } from "next";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not allowed" };

/** A member opened a page their role does not include (answered with HTTP 403). */
export default function OrganizationForbidden() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
      <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">403</p>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        You don’t have access to this page
      </h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400">
        Your role in this organization doesn’t include it. Ask an owner or an admin if you need
        access.
      </p>
      <div className="mt-8">
        <Button href="/projects">Back to projects</Button>
      </div>
    </div>
  );
}
