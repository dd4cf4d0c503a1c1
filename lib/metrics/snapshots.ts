import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metricsConfig } from "./config";
import { monthFactsSchema, type MonthFacts } from "./facts";
import { addMonths, monthStart, reportingMonths } from "./months";
import { computeMonthFromLog } from "./read";

type Snapshot = { month: Date; data: Prisma.JsonValue; computedAt: Date };

/** Recomputes one month from the event log and stores it as that month's snapshot. */
export async function refreshMonth(start: Date, now: Date = new Date()): Promise<MonthFacts> {
  const facts = await computeMonthFromLog(start, now);
  const data = facts as unknown as Prisma.InputJsonObject;
  await db.metricsSnapshot.upsert({
    where: { month: start },
    create: { month: start, data, computedAt: now },
    update: { data, computedAt: now },
  });
  return facts;
}

// A closed month is final once computed after it closed; the month in progress for a day. A
// snapshot of an older shape is recomputed rather than trusted.
function usable(snapshot: Snapshot | undefined, start: Date, now: Date): MonthFacts | null {
  if (!snapshot) return null;
  const parsed = monthFactsSchema.safeParse(snapshot.data);
  if (!parsed.success) return null;
  const next = addMonths(start, 1);
  if (next <= now) return snapshot.computedAt >= next ? parsed.data : null;
  return now.getTime() - snapshot.computedAt.getTime() < metricsConfig.currentMonthMaxAgeMs
    ? parsed.data
    : null;
}

/**
 * The reporting window's facts, oldest first: from snapshots, computing (and storing) the months
 * that have none or a stale one.
 */
export async function loadMonthFacts(now: Date = new Date()): Promise<MonthFacts[]> {
  const months = reportingMonths(now);
  const snapshots = await db.metricsSnapshot.findMany({
    where: { month: { gte: months[0]!, lte: months.at(-1)! } },
  });
  const byMonth = new Map(snapshots.map((s) => [s.month.getTime(), s]));
  const facts: MonthFacts[] = [];
  for (const month of months) {
    facts.push(
      usable(byMonth.get(month.getTime()), month, now) ?? (await refreshMonth(month, now)),
    );
  }
  return facts;
}

/** What the scheduled job refreshes every day: the month in progress and the one before it. */
export async function refreshRecentMonths(now: Date = new Date()): Promise<MonthFacts[]> {
  const current = monthStart(now);
  return [await refreshMonth(addMonths(current, -1), now), await refreshMonth(current, now)];
}
