import "server-only";

import { ExpectedError } from "@/lib/errors";
import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

/**
 * Suspends or lifts a suspension. While suspended, members see only the suspended notice, their
 * actions and the organization's API keys are refused (lib/tenancy, lib/api-keys); data is kept.
 */
export async function setSuspension(
  ctx: StaffWriter,
  input: { organizationId: string; suspend: boolean; reason: string },
  now = new Date(),
): Promise<{ suspended: boolean }> {
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { suspendedAt: true },
    });
    if ((current.suspendedAt !== null) === input.suspend) {
      throw new ExpectedError(
        input.suspend
          ? "This organization is already suspended."
          : "This organization is not suspended.",
        409,
      );
    }
    await tx.organization.update({
      where: { id: org.id },
      data: input.suspend
        ? { suspendedAt: now, suspendedReason: input.reason }
        : { suspendedAt: null, suspendedReason: null },
    });
    await recordStaffAudit(tx, ctx, {
      action: input.suspend ? "staff.organization_suspended" : "staff.organization_unsuspended",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
    });
    return { suspended: input.suspend };
  });
}
