import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { decodeCursor } from "@/lib/projects/cursor";
import { sliceProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/schemas";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { parseInput } from "@/lib/actions/input";
import { Pager } from "./_components/pager";
import { ProjectList } from "./_components/project-list";
import { wholeNumber } from "@/lib/format/numbers";

export const metadata: Metadata = { title: "Projects" };

type ProjectsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function countLabel(total: number, cap: number) {
  if (total > cap) return `${wholeNumber.format(cap)}+ projects`;
  return total === 1 ? "1 project" : `${total} projects`;
}

/** The organization's projects: search, pages of 20, and the way to add one. */
export default async function ProjectsPage({ searchParams }: ProjectsPageProps) {
  const [member, raw] = await Promise.all([requireMember("projects:read"), searchParams]);
  const parsed = parseInput(projectListSchema, {
    q: typeof raw.q === "string" ? raw.q : undefined,
  });
  // A hand-edited address (a broken cursor) shows the first page rather than an error.
  const q = parsed.success ? parsed.data.q : "";
  const after = decodeCursor(raw.after);
  const before = after ? undefined : decodeCursor(raw.before);
  const result = await member.readReplica((tx) =>
    sliceProjects(tx, member.organization.id, { q, after, before }),
  );
  const canWrite = can(member.role, "projects:write");

  return (
    <div className="grid gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
            Projects
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {countLabel(result.total, result.countCap)}
            {result.query ? ` matching “${result.query}”` : ""}
          </p>
        </div>
        {canWrite ? <Button href="/projects/new">New project</Button> : null}
      </header>

      {raw.deleted === "1" ? (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Project deleted.
        </p>
      ) : null}

      <form role="search" action="/projects" className="flex max-w-md gap-2">
        <label htmlFor="project-search" className="sr-only">
          Search projects
        </label>
        <input
          id="project-search"
          name="q"
          type="search"
          defaultValue={result.query}
          maxLength={100}
          placeholder="Search by name or description"
          className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button variant="secondary" type="submit">
          Search
        </Button>
      </form>

      <ProjectList items={result.items} query={result.query} canWrite={canWrite} />
      <Pager query={result.query} newer={result.newer} older={result.older} />
    </div>
  );
}
