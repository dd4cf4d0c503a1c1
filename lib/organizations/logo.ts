import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { requireWritable } from "@/lib/billing/plans/entitlements";
import { withTenant, type ScopedDb } from "@/lib/db/tenant";
import { ExpectedError, FieldError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/observability/logger";
import { storageConfig } from "@/lib/storage/client";
import { isKeyUnder, logoPrefix, newObjectKey } from "@/lib/storage/keys";
import { checkUpload } from "@/lib/storage/limits";
import { headObject } from "@/lib/storage/objects";
import { presignDownload, presignUpload, type PresignedUpload } from "@/lib/storage/presign";
import type { MemberContext } from "@/lib/tenancy/context";

/** The organization's logo: uploaded by those who may change its settings, shown to members. */

async function fromStorage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExpectedError) throw error;
    logger.error({ err: error }, "[storage] a logo upload step failed");
    throw new ExpectedError("File storage is not answering. Please try again in a moment.", 503);
  }
}

function audit(tx: ScopedDb, ctx: MemberContext, removed: boolean) {
  return recordAudit(tx, {
    action: removed ? "organization.logo_removed" : "organization.logo_changed",
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "organization",
    targetId: ctx.organization.id,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
  });
}

/** A short-lived link to the logo for a page a member is viewing, or null. */
export async function logoUrlOf(logoKey: string | null): Promise<string | null> {
  if (!logoKey || !storageConfig()) return null;
  return presignDownload(logoKey).catch((error: unknown) => {
    logger.warn({ err: error }, "[storage] could not sign a logo link");
    return null;
  });
}

export async function organizationLogoUrl(organizationId: string): Promise<string | null> {
  const org = await withTenant(organizationId, (tx) =>
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { logoKey: true } }),
  );
  return logoUrlOf(org.logoKey);
}

export async function prepareLogoUpload(
  ctx: MemberContext,
  file: { contentType: string; size: number },
): Promise<PresignedUpload> {
  const check = checkUpload("logo", { size: file.size, type: file.contentType });
  if (!check.ok) throw new FieldError("file", check.error);
  const organizationId = ctx.organization.id;
  await withTenant(organizationId, (tx) => requireWritable(tx, organizationId));
  const key = newObjectKey(logoPrefix(organizationId));
  return fromStorage(() => presignUpload(key, "logo", file.contentType));
}

async function replaceLogo(ctx: MemberContext, key: string | null): Promise<{ ok: true }> {
  const organizationId = ctx.organization.id;
  await withTenant(organizationId, async (tx) => {
    await requireWritable(tx, organizationId);
    const { logoKey } = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { logoKey: true },
    });
    if (logoKey === key) return;
    await tx.organization.update({ where: { id: organizationId }, data: { logoKey: key } });
    if (logoKey) await enqueueJob(tx, "storage-delete-prefix", { prefix: logoKey });
    await audit(tx, ctx, key === null);
  });
  return { ok: true };
}

/** Records an uploaded logo once the storage holds it within the limits; the old one goes. */
export async function confirmLogo(ctx: MemberContext, key: string): Promise<{ ok: true }> {
  if (!isKeyUnder(key, logoPrefix(ctx.organization.id))) {
    throw new FieldError("file", "That upload does not belong to this organization.");
  }
  const stored = await fromStorage(() => headObject(key));
  if (!stored) throw new FieldError("file", "The upload did not arrive. Please try again.");
  const check = checkUpload("logo", { size: stored.size, type: stored.contentType ?? "" });
  if (!check.ok) throw new FieldError("file", check.error);
  return replaceLogo(ctx, key);
}

export function removeLogo(ctx: MemberContext): Promise<{ ok: true }> {
  return replaceLogo(ctx, null);
}
