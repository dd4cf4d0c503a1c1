import { IntentLink } from "@/components/ui/intent-link";
import { Button } from "@/components/ui/button";
import type { ProjectView } from "@/lib/projects/queries";
import { mediumDate } from "@/lib/format/dates";

type ProjectListProps = { items: ProjectView[]; query: string; canWrite: boolean };

/** The projects of one page, or what to do when there are none. */
export function ProjectList({ items, query, canWrite }: ProjectListProps) {
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
        {query ? (
          <>
            <h2 className="font-medium text-zinc-900 dark:text-zinc-100">No projects match</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              Try another search, or{" "}
              <IntentLink href="/projects" className="underline">
                show all projects
              </IntentLink>
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
    );
  }
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {items.map((project) => (
        <li key={project.id}>
          <IntentLink
            href={`/projects/${project.id}`}
            className="block px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-900"
          >
            <span className="font-medium text-zinc-950 dark:text-white">{project.name}</span>
            {project.description ? (
              <span className="mt-0.5 block truncate text-sm text-zinc-600 dark:text-zinc-400">
                {project.description}
              </span>
            ) : null}
            <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">
              Created {mediumDate.format(project.createdAt)}
              {project.createdBy ? ` by ${project.createdBy.name ?? project.createdBy.email}` : ""}
              {project.updatedAt.getTime() !== project.createdAt.getTime()
                ? ` · updated ${mediumDate.format(project.updatedAt)}`
                : ""}
            </span>
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}
