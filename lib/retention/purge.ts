import "server-only";

import { db } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { billingSnapshot, effectivePlan } from "@/lib/billing/plans/entitlements";
import { tenantClient } from "@/lib/db/tenant-databases/router";

const DAY_MS = 24 * 60 * 60_000;

export const retention = {
  /** Dead letters stay until an operator acts. */
  finishedJobsDays: 30,
  stripeEventIdsDays: 90,
  batchSize: 1_000,
  /** About 5 ms per organization (docs/CAPACITY.md): a run stays well inside a cron's 60 s. */
  organizationsPerRun: 2_000,
} as const;

export type PurgeCounts = {
  sessions: number;
  authTokens: number;
  verificationTokens: number;
  accountExports: number;
  jobs: number;
  stripeEventIds: number;
  auditEntries: number;
};

export type PurgeResult = {
  counts: PurgeCounts;
  more: boolean;
  auditFrom: string | null;
};

export async function purgeExpiredData({
  now = new Date(),
  batchSize = retention.batchSize,
  auditFrom,
  organizationsPerRun = retention.organizationsPerRun,
}: {
  now?: Date;
  batchSize?: number;
  auditFrom?: string;
  organizationsPerRun?: number;
} = {}): Promise<PurgeResult> {
  const limit = Math.max(1, Math.floor(batchSize));
  const jobsBefore = new Date(now.getTime() - retention.finishedJobsDays * DAY_MS);
  const eventsBefore = new Date(now.getTime() - retention.stripeEventIdsDays * DAY_MS);

  const counts: PurgeCounts = {
    sessions: await db.$executeRaw`
      DELETE FROM "Session" WHERE "id" IN (
        SELECT "id" FROM "Session" WHERE "expires" < ${now} LIMIT ${limit})`,
    authTokens: await db.$executeRaw`
      DELETE FROM "AuthToken" WHERE "id" IN (
        SELECT "id" FROM "AuthToken" WHERE "expiresAt" < ${now} LIMIT ${limit})`,
    // Auth.js's table has no id column.
    verificationTokens: await db.$executeRaw`
      DELETE FROM "VerificationToken" WHERE "token" IN (
        SELECT "token" FROM "VerificationToken" WHERE "expires" < ${now} LIMIT ${limit})`,
    accountExports: await db.$executeRaw`
      DELETE FROM "AccountExport" WHERE "id" IN (
        SELECT "id" FROM "AccountExport" WHERE "expiresAt" < ${now} LIMIT ${limit})`,
    jobs: await db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "status" = 'SENT' AND "sentAt" < ${jobsBefore} LIMIT ${limit})`,
    stripeEventIds: await db.$executeRaw`
      DELETE FROM "StripeEvent" WHERE "id" IN (
        SELECT "id" FROM "StripeEvent" WHERE "processedAt" < ${eventsBefore} LIMIT ${limit})`,
    auditEntries: 0,
  };
  const audit = await purgeAuditEntries(now, limit, {
    from: auditFrom,
    organizations: Math.max(1, Math.floor(organizationsPerRun)),
  });
  counts.auditEntries = audit.deleted;
  return {
    counts,
    more: audit.next !== null || Object.values(counts).some((count) => count >= limit),
    auditFrom: audit.next,
  };
}

// Audit rows are reachable only in their organization's scope (RLS), so each is visited in turn.
async function purgeAuditEntries(
  now: Date,
  limit: number,
  { from, organizations }: { from: string | undefined; organizations: number },
): Promise<{ deleted: number; next: string | null }> {
  let deleted = 0;
  let visited = 0;
  let after = from;
  let inclusive = true;
  for (;;) {
    const page = await db.organization.findMany({
      select: { id: true },
      where: after ? { id: inclusive ? { gte: after } : { gt: after } } : {},
      orderBy: { id: "asc" },
      take: 200,
    });
    for (const { id } of page) {
      if (deleted >= limit || visited >= organizations) return { deleted, next: id };
      visited++;
      const removed = await withTenant(id, async (tx) => {
        const days = effectivePlan(await billingSnapshot(tx, id)).auditRetentionDays;
        const before = new Date(now.getTime() - days * DAY_MS);
        // The organization's log may be in its dedicated database.
        return (await tenantClient(tx)).$executeRaw`
          DELETE FROM "AuditLog" WHERE "id" IN (
            SELECT "id" FROM "AuditLog"
            WHERE "organizationId" = ${id} AND "createdAt" < ${before}
            LIMIT ${limit - deleted})`;
      });
      deleted += removed;
      // This organization may hold more than the batch had room for: start the next run at it.
      if (deleted >= limit) return { deleted, next: id };
    }
    if (page.length < 200) return { deleted, next: null };
    after = page.at(-1)!.id;
    inclusive = false;
  }
}
