import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { listProjects } from "@/lib/projects/queries";
import { projectListSchema } from "@/lib/projects/schemas";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { parseInput } from "@/lib/actions/input";

export const metadata: Metadata = { title: "Projects" };

type ProjectsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(q: string, page: number) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/projects?${query}` : "/projects";
}

/** The organization's projects: search, pages of 20, and the way to add one. */
export default async function ProjectsPage({ searchParams }: ProjectsPageProps) {
  const member = await requireMember("projects:read");
  const raw = await searchParams;
  const parsed = parseInput(projectListSchema, {
    q: typeof raw.q === "string" ? raw.q : undefined,
    page: typeof raw.page === "string" ? raw.page : undefined,
  });
  // A hand-edited address (page=abc) shows the first page rather than an error.
  const query = parsed.success ? parsed.data : { q: "", page: 1 };
  const result = await listProjects(member.organization.id, query);
  const canWrite = can(member.role, "projects:write");
  const deleted = raw.deleted === "1";

  return (
    <div className="grid gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
            Projects
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {result.total === 1 ? "1 project" : `${result.total} projects`}
            {result.query ? ` matching “${result.query}”` : ""}
          </p>
        </div>
        {canWrite ? <Button href="/projects/new">New project</Button> : null}
      </header>

      {deleted ? (
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

      {result.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          {result.query ? (
            <>
              <h2 className="font-medium text-zinc-900 dark:text-zinc-100">No projects match</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                Try another search, or{" "}
                <Link href="/projects" className="underline">
                  show all projects
                </Link>
                .
              </p>
            </>
          ) : (
            <>
              <h2 className="font-medium text-zinc-900 dark:text-zinc-100">No projects yet</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                Projects hold your team’s work.{" "}
                {canWrite ? "Create the first one." : "An admin or owner can create one."}
              </p>
              {canWrite ? (
                <div className="mt-4">
                  <Button href="/projects/new">New project</Button>
                </div>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {result.items.map((project) => (
            <li key={project.id}>
              <Link
                href={`/projects/${project.id}`}
                className="block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-900"
              >
                <span className="font-medium text-zinc-950 dark:text-white">{project.name}</span>
                {project.description ? (
                  <span className="mt-0.5 block truncate text-sm text-zinc-600 dark:text-zinc-400">
                    {project.description}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}

      {result.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {result.page > 1 ? (
            <Link href={pageHref(result.query, result.page - 1)} className="underline">
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span aria-current="page">
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link href={pageHref(result.query, result.page + 1)} className="underline">
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
