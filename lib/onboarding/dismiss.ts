import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import type { MemberContext } from "@/lib/tenancy/context";

/**
 * Hides the getting-started checklist for everyone in the organization. An organization setting
 * (a column on Organization), not a per-person one: the list is about setting the team up, and
 * the people who set it up decide when it has served. Allowed while the organization is
 * read-only for an unpaid invoice: it changes no customer data. Dismissing twice records once.
 */
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
