import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "./context";

/** Subscription states in which an organization is paying or about to. */
const paidStatuses = ["TRIALING", "ACTIVE", "PAST_DUE", "UNPAID", "PAUSED", "INCOMPLETE"] as const;

export type DeletionBlocker = {
  organization: { slug: string; name: string };
  reason: "members" | "subscription";
};

/**
 * Organizations that would be left without an owner in a state that matters: the user is
 * their only owner and they have other members or a paid subscription. Those must be
 * handed over (or cancelled) first.
 */
export async function accountDeletionBlockers(userId: string): Promise<DeletionBlocker[]> {
  const owned = await db.membership.findMany({
    where: { userId, role: "OWNER" },
    select: {
      organization: {
        select: {
          slug: true,
          name: true,
          memberships: { select: { userId: true, role: true } },
          subscription: { select: { status: true } },
        },
      },
    },
  });
  const blockers: DeletionBlocker[] = [];
  for (const { organization } of owned) {
    const otherOwners = organization.memberships.filter(
      (m) => m.role === "OWNER" && m.userId !== userId,
    );
    if (otherOwners.length > 0) continue;
    const { slug, name } = organization;
    if (organization.memberships.some((m) => m.userId !== userId)) {
      blockers.push({ organization: { slug, name }, reason: "members" });
    } else if (
      organization.subscription &&
      (paidStatuses as readonly string[]).includes(organization.subscription.status)
    ) {
      blockers.push({ organization: { slug, name }, reason: "subscription" });
    }
  }
  return blockers;
}

/**
 * Deletes the account: the user row and everything hanging off it (sessions, OAuth
 * accounts, tokens, memberships), and the organizations where they were the only member.
 * Audit entries stay, with the actor cleared; one records the deletion itself.
 */
export async function deleteAccount(
  userId: string,
  ctx: RequestContext,
): Promise<{ ok: true } | { ok: false; blockers: DeletionBlocker[] }> {
  const blockers = await accountDeletionBlockers(userId);
  if (blockers.length > 0) return { ok: false, blockers };
  await db.$transaction(async (tx) => {
    const solo = await tx.organization.findMany({
      where: { memberships: { every: { userId }, some: { userId } } },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "account.deleted",
      actorId: null,
      targetType: "user",
      targetId: userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { organizationsDeleted: solo.length },
    });
    // What the log keeps is what happened, not who the person was or where they were.
    await tx.auditLog.updateMany({
      where: { actorId: userId },
      data: { ipAddress: null, userAgent: null },
    });
    await tx.auditLog.updateMany({
      where: { actorId: userId, organizationId: null },
      data: { metadata: Prisma.DbNull },
    });
    if (solo.length > 0)
      await tx.organization.deleteMany({ where: { id: { in: solo.map((o) => o.id) } } });
    await tx.user.delete({ where: { id: userId } });
  });
  return { ok: true };
}
