import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { getProject } from "@/lib/projects/queries";
import { requireMember } from "@/lib/tenancy/current-member";
import { deleteProjectForm, updateProjectForm } from "../../actions";
import { parseInput } from "@/lib/actions/input";
import { projectIdSchema } from "@/lib/projects/schemas";
import { mediumDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Edit project" };

type ProjectPageProps = {
  params: Promise<{ id: string }>;
};

/** Editing and deleting a project, for those who may. */
export default async function EditProjectPage({ params }: ProjectPageProps) {
  const member = await requireMember("projects:write");
  const { id } = await params;
  // An id PostgreSQL cannot even compare (a NUL byte in the address) is no project either.
  if (!parseInput(projectIdSchema, { id }).success) notFound();
  // Looked up inside the member's organization: another organization's id is simply not found.
  const project = await getProject(member.organization.id, id);
  if (!project) notFound();

  return (
    <div className="grid max-w-xl gap-6">
      <p className="text-sm">
        <Link
          href={`/projects/${project.id}`}
          className="text-zinc-600 underline dark:text-zinc-400"
        >
          ← {project.name}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Edit {project.name}
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Created {mediumDate.format(project.createdAt)}
          {project.createdBy ? ` by ${project.createdBy.name ?? project.createdBy.email}` : ""}
        </p>
      </header>
      <>
        <section aria-labelledby="edit-project" className="grid gap-4">
          <h2 id="edit-project" className="text-lg font-medium text-zinc-950 dark:text-white">
            Edit
          </h2>
          <ActionForm
            action={updateProjectForm}
            submitLabel="Save changes"
            pendingLabel="Saving…"
            hidden={{ id: project.id }}
            fields={[
              { name: "name", label: "Name", maxLength: 100, defaultValue: project.name },
              {
                name: "description",
                label: "Description",
                type: "textarea",
                required: false,
                maxLength: 1000,
                defaultValue: project.description ?? "",
              },
            ]}
          />
        </section>
        <section
          aria-labelledby="delete-project"
          className="grid gap-3 rounded-xl border border-red-200 p-4 dark:border-red-900"
        >
          <h2 id="delete-project" className="text-lg font-medium text-red-800 dark:text-red-300">
            Delete project
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Deleting removes the project for everyone in the organization. It cannot be undone.
          </p>
          <StatusButtonForm
            action={deleteProjectForm}
            label="Delete project"
            pendingLabel="Deleting…"
            hidden={{ id: project.id }}
            confirmMessage={`Delete “${project.name}”? This cannot be undone.`}
          />
        </section>
      </>
    </div>
  );
}
