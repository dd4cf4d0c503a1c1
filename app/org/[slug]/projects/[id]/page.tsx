import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { DirectUploadForm } from "@/components/uploads/direct-upload-form";
import { parseInput } from "@/lib/actions/input";
import { loadProjectPage } from "@/lib/attachments/project-page";
import { projectIdSchema } from "@/lib/projects/schemas";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { AttachmentList } from "./_components/attachment-list";
import { ProjectHistory } from "./_components/project-history";
import { confirmAttachmentUpload, prepareAttachmentUpload } from "./actions";
import { mediumDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Project" };

type ProjectPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One project: its details, its files and its history; editing is one click away. */
export default async function ProjectPage({ params, searchParams }: ProjectPageProps) {
  const member = await requireMember("projects:read");
  const { id } = await params;
  // An id PostgreSQL cannot even compare (a NUL byte in the address) is no project either.
  if (!parseInput(projectIdSchema, { id }).success) notFound();
  // Looked up inside the member's organization: another organization's id is simply not found.
  const page = await loadProjectPage(member.organization.id, id);
  if (!page) notFound();
  const { project, attachments, history } = page;
  const canWrite = can(member.role, "projects:write");
  const created = (await searchParams).created === "1";

  return (
    <div className="grid max-w-3xl gap-6">
      <p className="text-sm">
        <Link href="/projects" className="text-zinc-600 underline dark:text-zinc-400">
          ← Projects
        </Link>
      </p>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-zinc-950 dark:text-white">
            {project.name}
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Created {mediumDate.format(project.createdAt)}
            {project.createdBy ? ` by ${project.createdBy.name ?? project.createdBy.email}` : ""}
            {" · "}updated {mediumDate.format(project.updatedAt)}
          </p>
        </div>
        {canWrite ? (
          <Button href={`/projects/${project.id}/edit`} variant="secondary">
            Edit project
          </Button>
        ) : null}
      </header>
      {created ? (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Project created.
        </p>
      ) : null}
      {project.description ? (
        <p className="whitespace-pre-line text-zinc-800 dark:text-zinc-200">
          {project.description}
        </p>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No description.</p>
      )}
      <Section id="project-files" title="Files">
        <AttachmentList projectId={project.id} attachments={attachments} canWrite={canWrite} />
        {canWrite ? (
          <DirectUploadForm
            kind="attachment"
            label="Attach a file"
            submitLabel="Upload"
            prepare={prepareAttachmentUpload.bind(null, project.id)}
            confirm={confirmAttachmentUpload.bind(null, project.id)}
          />
        ) : null}
      </Section>
      <Section id="project-history" title="History">
        <ProjectHistory history={history} />
      </Section>
    </div>
  );
}
