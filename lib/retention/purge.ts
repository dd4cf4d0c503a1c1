import "server-only";

import { db } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { billingSnapshot, effectivePlan } from "@/lib/billing/plans/entitlements";

const DAY_MS = 24 * 60 * 60_000;

export const retention = {
  /** Dead letters stay until an operator acts. */
  finishedJobsDays: 30,
  /** Webhook de-duplication; BillingEvent is never purged. */
  stripeEventIdsDays: 90,
  batchSize: 1_000,
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
};

// At most `batchSize` rows per purge, so a run stays short however large the backlog.
export async function purgeExpiredData({
  now = new Date(),
  batchSize = retention.batchSize,
}: { now?: Date; batchSize?: number } = {}): Promise<PurgeResult> {
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
    auditEntries: await purgeAuditEntries(now, limit),
  };
  return { counts, more: Object.values(counts).some((count) => count >= limit) };
}

// Audit rows are reachable only in their organization's scope (RLS): each is visited with its own cutoff.
async function purgeAuditEntries(now: Date, limit: number): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.organization.findMany({
      select: { id: true },
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const { id } of page) {
      if (deleted >= limit) return deleted;
      deleted += await withTenant(id, async (tx) => {
        const days = effectivePlan(await billingSnapshot(tx, id)).auditRetentionDays;
        const before = new Date(now.getTime() - days * DAY_MS);
        return tx.$executeRaw`
          DELETE FROM "AuditLog" WHERE "id" IN (
            SELECT "id" FROM "AuditLog"
            WHERE "organizationId" = ${id} AND "createdAt" < ${before}
            LIMIT ${limit - deleted})`;
      });
    }
    if (page.length < 200) return deleted;
    cursor = page.at(-1)?.id;
  }
}
