import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/auth/flows/context";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import { enterOrganization, withScope, withTenant } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { cancelBillingForOrganization } from "@/lib/organizations/billing";

export type DeletionBlocker = {
  organization: { slug: string; name: string };
  reason: "members";
};

/**
 * Organizations that would be left without an owner while others still work in them:
 * the user is their only owner and they have other members. Those must be handed over
 * first. (An organization the user is alone in goes with the account, its subscription
 * canceled.)
 */
export async function accountDeletionBlockers(userId: string): Promise<DeletionBlocker[]> {
  const owned = await withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId, role: "OWNER" },
      select: { organization: { select: { id: true, slug: true, name: true } } },
    }),
  );
  const blockers: DeletionBlocker[] = [];
  for (const { organization } of owned) {
    // Each organization's members and subscription are read inside that organization:
    // row-level security shows nothing of them from the user's own scope.
    const memberships = await withTenant(organization.id, (tx) =>
      tx.membership.findMany({
        where: { organizationId: organization.id },
        select: { userId: true, role: true },
      }),
    );
    const otherOwners = memberships.filter((m) => m.role === "OWNER" && m.userId !== userId);
    if (otherOwners.length > 0) continue;
    const { slug, name } = organization;
    if (memberships.some((m) => m.userId !== userId)) {
      blockers.push({ organization: { slug, name }, reason: "members" });
    }
  }
  return blockers;
}

/** Organizations whose only member is this user: they go with the account. */
async function soloOrganizations(userId: string): Promise<string[]> {
  const mine = await withScope({ userId }, (tx) =>
    tx.membership.findMany({ where: { userId }, select: { organizationId: true } }),
  );
  const solo: string[] = [];
  for (const { organizationId } of mine) {
    const members = await withTenant(organizationId, (tx) =>
      tx.membership.count({ where: { organizationId } }),
    );
    if (members === 1) solo.push(organizationId);
  }
  return solo;
}

/**
 * Deletes the account: the user row and everything hanging off it (sessions, OAuth
 * accounts, tokens, memberships), and the organizations where they were the only member.
 * Audit entries stay, with the actor cleared; one records the deletion itself. The session
 * asking must have signed in or confirmed it is the owner within the last minutes.
 */
export async function deleteAccount(
  session: { userId: string; sessionId: string },
  ctx: RequestContext,
): Promise<{ ok: true } | { ok: false; blockers: DeletionBlocker[] }> {
  await requireRecentAuthentication(session, ctx.now);
  const { userId } = session;
  const blockers = await accountDeletionBlockers(userId);
  if (blockers.length > 0) return { ok: false, blockers };
  const solo = await soloOrganizations(userId);
  // Their subscriptions end first: if Stripe cannot cancel one, nothing is deleted
  // (the error says so), and no deleted organization keeps being charged.
  for (const organizationId of solo) await cancelBillingForOrganization(organizationId);
  await withScope({ userId }, async (tx) => {
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
    // Each organization is deleted from its own scope (row-level security allows no
    // other); its data goes by cascade.
    for (const organizationId of solo) {
      await enterOrganization(tx, organizationId);
      await tx.organization.delete({ where: { id: organizationId } });
    }
    await tx.user.delete({ where: { id: userId } });
  });
  return { ok: true };
}
