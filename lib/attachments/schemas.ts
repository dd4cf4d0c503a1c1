import { z } from "zod";
import { uploadLimits } from "@/lib/storage/limits";

const id = z.string().trim().min(1, "Missing id.").max(64);
const fileName = z.string().trim().min(1, "Choose a file.").max(255, "That file name is too long.");

/** What the browser says about the file it is about to upload; checked again after upload. */
export const fileFacts = {
  fileName,
  contentType: z.string().trim().max(100),
  size: z.coerce
    .number()
    .int()
    .min(0)
    .max(uploadLimits.attachment.maxBytes * 100),
};

export const prepareAttachmentSchema = z.strictObject({ projectId: id, ...fileFacts });
export const confirmAttachmentSchema = z.strictObject({
  projectId: id,
  key: z.string().trim().min(1).max(300),
  fileName,
});
export const attachmentIdSchema = z.strictObject({ id });
/** From a project's page: the file must be that project's, not only the organization's. */
export const attachmentDownloadSchema = z.strictObject({ id, projectId: id.optional() });

export type PrepareAttachmentInput = z.infer<typeof prepareAttachmentSchema>;
export type ConfirmAttachmentInput = z.infer<typeof confirmAttachmentSchema>;
