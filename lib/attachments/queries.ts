import "server-only";

import { inOrganization, withTenant } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";

export const attachmentFields = {
  id: true,
  fileName: true,
  contentType: true,
  size: true,
  createdAt: true,
  uploadedById: true,
} satisfies Prisma.AttachmentSelect;

export type AttachmentView = Omit<
  Prisma.AttachmentGetPayload<{ select: typeof attachmentFields }>,
  "uploadedById"
> & { uploadedBy: { name: string | null; email: string } | null };

/** One attachment of the organization, or null: another organization's id is not found. */
export function findAttachment(organizationId: string, id: string) {
  return withTenant(organizationId, (tx) =>
    tx.attachment.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: { id: true, key: true, fileName: true, contentType: true, projectId: true },
    }),
  );
}
