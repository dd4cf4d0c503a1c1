import "server-only";

import { revenueStatuses } from "@/lib/billing/plans/mrr";
import { withScope, type ScopedDb } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { metricsConfig } from "./config";
import { computeMonthFacts, type MonthInput } from "./engine";
import { mrrOf, type RevenueEvent } from "./events";
import type { MonthFacts } from "./facts";
import { monthEnd } from "./months";

type Row = Omit<RevenueEvent, "toStatus"> & { toStatus: string | null };

const toEvent = (row: Row): RevenueEvent => ({
  ...row,
  toStatus: row.toStatus as SubscriptionStatus | null,
});

const byOrganization = (rows: Row[]) =>
  new Map(rows.map((row) => [row.organizationId, toEvent(row)]));

// Two backward probes of the (organizationId, occurredAt) index per organization, so cost grows
// with organizations, not events; DISTINCT ON would scan and sort every earlier event.
async function lastPaidStatesBefore(tx: ScopedDb, before: Date) {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT e.* FROM "Organization" o
    CROSS JOIN LATERAL (
      SELECT b."occurredAt" FROM "BillingEvent" b
      WHERE b."organizationId" = o."id" AND b."occurredAt" < ${before}
        AND NOT b."complimentary" AND b."toStatus" IS NOT NULL
      ORDER BY b."occurredAt" DESC LIMIT 1
    ) newest
    CROSS JOIN LATERAL (
      SELECT b."organizationId", b."occurredAt", b."type", b."toStatus"::text AS "toStatus",
        b."plan", b."seats", b."interval", b."unitAmount", b."complimentary", b."data"
      FROM "BillingEvent" b
      WHERE b."organizationId" = o."id" AND b."occurredAt" = newest."occurredAt"
        AND NOT b."complimentary" AND b."toStatus" IS NOT NULL
      ORDER BY b."createdAt" DESC, b."id" DESC LIMIT 1
    ) e`;
  return byOrganization(rows);
}

// Comp events are few: one pass over the log finds them, and DISTINCT ON sorts only those.
async function lastCompsBefore(tx: ScopedDb, before: Date) {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT DISTINCT ON ("organizationId")
      "organizationId", "occurredAt", "type", "toStatus"::text AS "toStatus", "plan", "seats",
      "interval", "unitAmount", "complimentary", "data"
    FROM "BillingEvent"
    WHERE "occurredAt" < ${before} AND "complimentary"
    ORDER BY "organizationId", "occurredAt" DESC, "createdAt" DESC, "id" DESC`;
  return byOrganization(rows);
}

async function paidStateEventsBetween(tx: ScopedDb, start: Date, end: Date) {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT "organizationId", "occurredAt", "type", "toStatus"::text AS "toStatus", "plan", "seats",
      "interval", "unitAmount", "complimentary"
    FROM "BillingEvent"
    WHERE "occurredAt" >= ${start} AND "occurredAt" < ${end}
      AND NOT "complimentary" AND "toStatus" IS NOT NULL
    ORDER BY "occurredAt", "createdAt", "id"`;
  return rows.map(toEvent);
}

async function paidBefore(tx: ScopedDb, organizationIds: string[], before: Date) {
  if (organizationIds.length === 0) return new Set<string>();
  const rows = await tx.$queryRaw<Row[]>`
    SELECT "organizationId", "occurredAt", "type", "toStatus"::text AS "toStatus", "plan", "seats",
      "interval", "unitAmount", "complimentary"
    FROM "BillingEvent"
    WHERE "organizationId" = ANY(${organizationIds}::text[]) AND "occurredAt" < ${before}
      AND NOT "complimentary" AND "toStatus"::text = ANY(${[...revenueStatuses]}::text[])`;
  return new Set(
    rows
      .map(toEvent)
      .filter((event) => mrrOf(event) > 0)
      .map((e) => e.organizationId),
  );
}

export async function readMonthInput(tx: ScopedDb, start: Date, end: Date): Promise<MonthInput> {
  const atStart = await lastPaidStatesBefore(tx, start);
  const within = await paidStateEventsBetween(tx, start, end);
  // End state derived from the start state plus the month's events: one index walk, not two.
  const atEnd = new Map(atStart);
  for (const event of within) atEnd.set(event.organizationId, event);
  const compsAtEnd = await lastCompsBefore(tx, end);
  const joined = [...atEnd]
    .filter(([id, event]) => mrrOf(event) > 0 && mrrOf(atStart.get(id)) === 0)
    .map(([id]) => id);
  return {
    start,
    end,
    atStart,
    atEnd,
    within,
    paidBefore: await paidBefore(tx, joined, start),
    compsAtEnd,
  };
}

/** Only after a staff check or from the scheduled job; pages only read snapshots. */
export async function computeMonthFromLog(start: Date, now: Date): Promise<MonthFacts> {
  const input = await withScope(
    { platformRead: true },
    (tx) => readMonthInput(tx, start, monthEnd(start, now)),
    // Closed months from the log: the heaviest read there is, and lag-tolerant.
    { timeoutMs: metricsConfig.monthComputeTimeoutMs, replica: true },
  );
  return computeMonthFacts(input);
}
