import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/auth/flows/context";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import { enterOrganization, withScope, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { cancelBillingForOrganization } from "@/lib/organizations/billing";
import { queueTenantDataPurge } from "@/lib/organizations/tenant-data";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { storageConfig } from "@/lib/storage/client";
import { userPrefix } from "@/lib/storage/keys";
import { inEveryTenantDatabase } from "@/lib/db/tenant-databases/fan-out";
import { enqueueEmail } from "@/lib/outbox/enqueue";

export type DeletionBlocker = {
  organization: { slug: string; name: string };
  reason: "members";
};

// This user is their only owner and others still work in them: they must be handed over first.
export async function accountDeletionBlockers(userId: string): Promise<DeletionBlocker[]> {
  const owned = await withScope({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId, role: "OWNER" },
      select: { organization: { select: { id: true, slug: true, name: true } } },
    }),
  );
  const blockers: DeletionBlocker[] = [];
  for (const { organization } of owned) {
    // Read inside each organization: row-level security hides them from the user's own scope.
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

export type AccountDeletionResult =
  { ok: true; organizationsDeleted: number } | { ok: false; blockers: DeletionBlocker[] };

export async function deleteAccount(
  session: { userId: string; sessionId: string },
  ctx: RequestContext,
): Promise<AccountDeletionResult> {
  await requireRecentAuthentication(session, ctx.now);
  return deleteUserAccount(session.userId, ctx);
}

// For callers that checked who is asking themselves (the operator console); `alsoRecord` writes
// their own audit entry in the deleting transaction. Audit entries stay, with the actor cleared.
export async function deleteUserAccount(
  userId: string,
  ctx: RequestContext,
  alsoRecord?: (tx: ScopedDb, organizationsDeleted: number) => Promise<unknown>,
): Promise<AccountDeletionResult> {
  const blockers = await accountDeletionBlockers(userId);
  if (blockers.length > 0) return { ok: false, blockers };
  const solo = await soloOrganizations(userId);
  // Subscriptions end first: if Stripe cannot cancel one, nothing is deleted and nothing keeps charging.
  for (const organizationId of solo) await cancelBillingForOrganization(organizationId);
  // Erased in dedicated tenant databases first: one that does not answer stops the deletion
  // (503) rather than leaving the person's addresses there.
  await inEveryTenantDatabase({ userId }, (tx) =>
    tx.auditLog.updateMany({
      where: { actorId: userId },
      data: { ipAddress: null, userAgent: null },
    }),
  );
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
    await alsoRecord?.(tx, solo.length);
    // What the log keeps is what happened, not who the person was or where they were.
    await tx.auditLog.updateMany({
      where: { actorId: userId },
      data: { ipAddress: null, userAgent: null },
    });
    await tx.auditLog.updateMany({
      where: { actorId: userId, organizationId: null },
      data: { metadata: Prisma.DbNull },
    });
    // Read before the rows go: the notice needs the address and the names, not the rows.
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true },
    });
    const organizationNames: string[] = [];
    // Each organization from its own scope (row-level security allows no other); its data goes by cascade.
    for (const organizationId of solo) {
      await enterOrganization(tx, organizationId);
      await queueTenantDataPurge(tx, organizationId);
      const { name } = await tx.organization.delete({
        where: { id: organizationId },
        select: { name: true },
      });
      organizationNames.push(name);
    }
    await tx.user.delete({ where: { id: userId } });
    // The avatar (and anything else under the user's prefix) goes once this commits.
    if (storageConfig()) {
      await enqueueJob(tx, "storage-delete-prefix", { prefix: userPrefix(userId) });
    }
    // The outbox has no foreign keys: the message outlives the user row it was about.
    await enqueueEmail(tx, {
      to: user.email,
      template: "accountDeleted",
      data: { name: user.name, organizationNames },
    });
  });
  return { ok: true, organizationsDeleted: solo.length };
}
