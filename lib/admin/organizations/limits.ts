import "server-only";

import { recordStaffAudit } from "../audit";
import { withOrganizationForStaff, type StaffWriter } from "./staff-write";

/** Seat and project limits for this organization only; null goes back to the plan's limit. */
export async function setOrganizationLimits(
  ctx: StaffWriter,
  input: {
    organizationId: string;
    seatLimit: number | null;
    projectLimit: number | null;
    reason: string;
  },
): Promise<{ seatLimit: number | null; projectLimit: number | null }> {
  return withOrganizationForStaff(input.organizationId, async (tx, org) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { seatLimit: true, projectLimit: true },
    });
    const after = { seatLimit: input.seatLimit, projectLimit: input.projectLimit };
    await tx.organization.update({ where: { id: org.id }, data: after });
    await recordStaffAudit(tx, ctx, {
      action: "staff.limit_changed",
      reason: input.reason,
      organizationId: org.id,
      targetType: "organization",
      targetId: org.id,
      metadata: { from: before, to: after },
    });
    return after;
  });
}
