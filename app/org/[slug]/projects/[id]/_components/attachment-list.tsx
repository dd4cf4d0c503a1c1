import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Row, RowList } from "@/components/ui/list";
import type { AttachmentView } from "@/lib/attachments/queries";
import { formatBytes } from "@/lib/storage/limits";
import { deleteAttachmentForm } from "../actions";
import { mediumDate } from "@/lib/format/dates";

/** A project's files: each downloads through a members-only link; writers may remove them. */
export function AttachmentList({
  projectId,
  attachments,
  canWrite,
}: {
  projectId: string;
  attachments: AttachmentView[];
  canWrite: boolean;
}) {
  if (attachments.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No files yet.</p>;
  }
  return (
    <RowList label="Files">
      {attachments.map((file) => (
        <Row
          key={file.id}
          title={
            <a
              href={`/projects/${projectId}/files/${file.id}`}
              className="break-all underline underline-offset-2"
            >
              {file.fileName}
              <span className="sr-only"> (download)</span>
            </a>
          }
          details={`${formatBytes(file.size)} · added ${mediumDate.format(file.createdAt)}${
            file.uploadedBy ? ` by ${file.uploadedBy.name ?? file.uploadedBy.email}` : ""
          }`}
          actions={
            canWrite ? (
              <StatusButtonForm
                action={deleteAttachmentForm}
                label={`Remove ${file.fileName}`}
                pendingLabel="Removing…"
                hidden={{ id: file.id }}
                confirmMessage={`Remove “${file.fileName}” from this project?`}
              />
            ) : null
          }
        />
      ))}
    </RowList>
  );
}
