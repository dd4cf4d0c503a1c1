import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import type { MemberContext } from "@/lib/tenancy/context";

// Per organization, not per person: those who set the team up decide when the list has served.
// Allowed while read-only for an unpaid invoice: it changes no customer data.
export async function dismissChecklist(ctx: MemberContext): Promise<{ dismissedAt: Date }> {
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    const now = new Date();
    const { count } = await tx.organization.updateMany({
      where: { id: organizationId, onboardingDismissedAt: null },
      data: { onboardingDismissedAt: now },
    });
    if (count === 0) {
      const current = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { onboardingDismissedAt: true },
      });
      return { dismissedAt: current.onboardingDismissedAt ?? now };
    }
    await recordAudit(tx, {
      action: "organization.checklist_dismissed",
      actorId: ctx.userId,
      organizationId,
      targetType: "organization",
      targetId: organizationId,
      ipAddress: ctx.client.ipAddress,
      userAgent: ctx.client.userAgent,
    });
    return { dismissedAt: now };
  });
}
