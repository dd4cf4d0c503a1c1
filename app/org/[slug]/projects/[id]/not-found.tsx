import type { Metadata } from "next";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Project not found" };

/**
 * A project id that names no project of this organization (deleted, mistyped, or another
 * organization's): shown inside the organization's pages, which the member may open.
 */
export default function ProjectNotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center py-16 text-center">
      <p className="font-mono text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        This project doesn’t exist
      </h1>
      <p className="mt-4 text-zinc-600 dark:text-zinc-400">
        It may have been deleted, or the link may be wrong. The organization’s projects are all on
        its projects page.
      </p>
      <div className="mt-8">
        <Button href="/projects">Back to projects</Button>
      </div>
    </div>
  );
}
