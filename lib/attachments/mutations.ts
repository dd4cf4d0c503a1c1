import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { requireWritable } from "@/lib/billing/plans/entitlements";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { ExpectedError, FieldError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/observability/logger";
import { cleanFileName, isKeyUnder, newObjectKey, projectPrefix } from "@/lib/storage/keys";
import { checkUpload } from "@/lib/storage/limits";
import { headObject } from "@/lib/storage/objects";
import { presignUpload, type PresignedUpload } from "@/lib/storage/presign";
import type { MemberContext } from "@/lib/tenancy/context";
import type { ConfirmAttachmentInput, PrepareAttachmentInput } from "./schemas";

async function projectNamed(tx: ScopedDb, organizationId: string, projectId: string) {
  const project = await tx.project.findFirst({
    where: { id: projectId, ...inOrganization(organizationId) },
    select: { id: true, name: true },
  });
  if (!project) throw notFound("That project");
  return project;
}

function audit(
  tx: ScopedDb,
  ctx: MemberContext,
  action: AuditAction,
  project: { id: string; name: string },
  file: string,
) {
  return recordAudit(tx, {
    action,
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "project",
    targetId: project.id,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata: { name: project.name, file },
  });
}

// A storage failure is the storage's, not the user's: a clear message, nothing recorded.
async function fromStorage<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExpectedError) throw error;
    logger.error({ err: error }, `[storage] ${what} failed`);
    throw new ExpectedError("File storage is not answering. Please try again in a moment.", 503);
  }
}

// Upload step 1: checks the project and the declared size and type, and signs a POST the browser
// sends straight to the storage. Nothing is recorded yet.
export async function prepareAttachmentUpload(
  ctx: MemberContext,
  input: PrepareAttachmentInput,
): Promise<PresignedUpload> {
  const organizationId = ctx.organization.id;
  const check = checkUpload("attachment", { size: input.size, type: input.contentType });
  if (!check.ok) throw new FieldError("file", check.error);
  await withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    await projectNamed(tx, organizationId, input.projectId);
  });
  const key = newObjectKey(projectPrefix(organizationId, input.projectId));
  return fromStorage("signing an upload", () =>
    presignUpload(key, "attachment", input.contentType),
  );
}

// Step 2: the object must be under this project's prefix, in the storage (HeadObject) and within
// the limits there; only then is it recorded.
export async function confirmAttachment(ctx: MemberContext, input: ConfirmAttachmentInput) {
  const organizationId = ctx.organization.id;
  // Another organization's project is not found, before anything about the key is said.
  await withTenant(organizationId, (tx) => projectNamed(tx, organizationId, input.projectId));
  if (!isKeyUnder(input.key, projectPrefix(organizationId, input.projectId))) {
    throw new FieldError("file", "That upload does not belong to this project.");
  }
  const stored = await fromStorage("checking an upload", () => headObject(input.key));
  if (!stored) throw new FieldError("file", "The upload did not arrive. Please try again.");
  const check = checkUpload("attachment", {
    size: stored.size,
    type: stored.contentType ?? "",
  });
  if (!check.ok) throw new FieldError("file", check.error);
  const fileName = cleanFileName(input.fileName);
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const project = await projectNamed(tx, organizationId, input.projectId);
    const existing = await tx.attachment.findFirst({
      where: { key: input.key },
      select: { id: true },
    });
    if (existing) throw new ExpectedError("That file is already attached.", 409);
    const attachment = await tx.attachment.create({
      data: {
        organizationId,
        projectId: project.id,
        key: input.key,
        fileName,
        contentType: stored.contentType ?? "application/octet-stream",
        size: stored.size,
        uploadedById: ctx.userId,
      },
      select: { id: true, fileName: true, size: true, contentType: true },
    });
    await audit(tx, ctx, "project.file_added", project, fileName);
    return attachment;
  });
}

/** Removes the record now, and the object through the job queue once this commits. */
export async function deleteAttachment(ctx: MemberContext, id: string): Promise<{ id: string }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const attachment = await tx.attachment.findFirst({
      where: { id, ...inOrganization(organizationId) },
      select: { key: true, fileName: true, projectId: true },
    });
    if (!attachment) throw notFound("That file");
    const project = await projectNamed(tx, organizationId, attachment.projectId);
    await tx.attachment.deleteMany({ where: { id, ...inOrganization(organizationId) } });
    await enqueueJob(tx, "storage-delete-prefix", { prefix: attachment.key });
    await audit(tx, ctx, "project.file_deleted", project, attachment.fileName);
    return { id };
  });
}
