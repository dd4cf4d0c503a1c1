import "server-only";

import type { Flag } from "@/lib/billing/plans/flags";
import { inOrganization } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

/** Turns a flag on or off for one organization, until `expiresAt` or until removed. */
export async function setFlagOverride(
  ctx: StaffWriter,
  input: {
    organizationId: string;
    flag: Flag;
    enabled: boolean;
    expiresAt: Date | null;
    reason: string;
  },
  now = new Date(),
): Promise<{ flag: Flag; enabled: boolean }> {
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new ExpectedError("Choose an end date in the future, or none.", 422);
  }
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const values = {
      enabled: input.enabled,
      expiresAt: input.expiresAt,
      reason: input.reason,
      createdById: ctx.userId,
    };
    await tx.featureFlagOverride.upsert({
      where: { organizationId_flag: { organizationId: org.id, flag: input.flag } },
      create: { organizationId: org.id, flag: input.flag, ...values },
      update: { ...values, createdAt: now },
    });
    await recordStaffAudit(tx, ctx, {
      action: "staff.flag_overridden",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: {
        flag: input.flag,
        enabled: input.enabled,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      },
    });
    return { flag: input.flag, enabled: input.enabled };
  });
}

/** Back to the plan's default for this flag. */
export async function removeFlagOverride(
  ctx: StaffWriter,
  input: { organizationId: string; flag: Flag; reason: string },
): Promise<{ flag: Flag }> {
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const removed = await tx.featureFlagOverride.deleteMany({
      where: { ...inOrganization(org.id), flag: input.flag },
    });
    if (removed.count === 0) {
      throw new ExpectedError("This flag has no override for this organization.", 409);
    }
    await recordStaffAudit(tx, ctx, {
      action: "staff.flag_override_removed",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { flag: input.flag },
    });
    return { flag: input.flag };
  });
}
