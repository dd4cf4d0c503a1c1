import "server-only";

import { revenueStatuses } from "@/lib/billing/plans/mrr";
import { withScope, type ScopedDb } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
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

// Each organization's newest paid-state (or comp) event before an instant: DISTINCT ON walks the
// (organizationId, occurredAt) index; ties on occurredAt go to the row written last.
async function lastEventsBefore(tx: ScopedDb, before: Date, complimentary: boolean) {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT DISTINCT ON ("organizationId")
      "organizationId", "occurredAt", "type", "toStatus"::text AS "toStatus", "plan", "seats",
      "interval", "unitAmount", "complimentary", "data"
    FROM "BillingEvent"
    WHERE "occurredAt" < ${before} AND "complimentary" = ${complimentary}
      AND (${complimentary} OR "toStatus" IS NOT NULL)
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

// Only organizations that went from 0 to paying need their history: did they ever pay before?
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
  const atStart = await lastEventsBefore(tx, start, false);
  const atEnd = await lastEventsBefore(tx, end, false);
  const within = await paidStateEventsBetween(tx, start, end);
  const compsAtEnd = await lastEventsBefore(tx, end, true);
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

/**
 * One month's facts from the event log on PostgreSQL, across every organization: only after a
 * staff check (the console's pages and actions) or from the scheduled job.
 */
export async function computeMonthFromLog(start: Date, now: Date): Promise<MonthFacts> {
  const input = await withScope({ platformRead: true }, (tx) =>
    readMonthInput(tx, start, monthEnd(start, now)),
  );
  return computeMonthFacts(input);
}
