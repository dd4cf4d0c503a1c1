import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { notFound } from "@/lib/errors";
import { presignDownload } from "@/lib/storage/presign";
import { confirmAttachment, deleteAttachment, prepareAttachmentUpload } from "./mutations";
import { findAttachment } from "./queries";
import {
  attachmentDownloadSchema,
  attachmentIdSchema,
  confirmAttachmentSchema,
  prepareAttachmentSchema,
} from "./schemas";

// The project page's upload form, the download route and tests call these.

export const prepareAttachmentUploadAction = memberAction(
  "attachment.prepare_upload",
  "projects:write",
  prepareAttachmentSchema,
  (input, ctx) => prepareAttachmentUpload(ctx, input),
  { readOnly: true },
);

export const confirmAttachmentAction = memberAction(
  "attachment.confirm",
  "projects:write",
  confirmAttachmentSchema,
  (input, ctx) => confirmAttachment(ctx, input),
);

export const deleteAttachmentAction = memberAction(
  "attachment.delete",
  "projects:write",
  attachmentIdSchema,
  ({ id }, ctx) => deleteAttachment(ctx, id),
);

/** A link valid for a minute, only for members of the attachment's organization. */
export const attachmentDownloadAction = memberAction(
  "attachment.download",
  "projects:read",
  attachmentDownloadSchema,
  async ({ id, projectId }, ctx) => {
    const attachment = await findAttachment(ctx.organization.id, id);
    if (!attachment || (projectId !== undefined && attachment.projectId !== projectId)) {
      throw notFound("That file");
    }
    const url = await presignDownload(attachment.key, {
      download: attachment.fileName,
      contentType: attachment.contentType,
    });
    return { url, fileName: attachment.fileName };
  },
  { readOnly: true },
);
