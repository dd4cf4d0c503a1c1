import "server-only";

import { db } from "@/lib/db";
import { withReplicaScope } from "@/lib/db/replica-scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { metricsConfig } from "./config";
import { monthFactsSchema, type MonthFacts } from "./facts";
import { addMonths, monthStart, reportingMonths } from "./months";
import { computeMonthFromLog } from "./read";

type Snapshot = { month: Date; data: Prisma.JsonValue; computedAt: Date };

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

// A closed month is final once computed after it closed; the month in progress for a day.
function fresh(snapshot: Snapshot, start: Date, now: Date): boolean {
  const next = addMonths(start, 1);
  if (next <= now) return snapshot.computedAt >= next;
  return now.getTime() - snapshot.computedAt.getTime() < metricsConfig.currentMonthMaxAgeMs;
}

export type SnapshotWindow = {
  months: Date[];
  /** Every month with a snapshot of the current shape, fresh or not. */
  stored: Map<number, MonthFacts>;
  due: Date[];
};

export async function readSnapshotWindow(now: Date = new Date()): Promise<SnapshotWindow> {
  const months = reportingMonths(now);
  // The console's page view: a replica's lag only delays a refreshed month by a reload.
  const snapshots = await withReplicaScope({ platformRead: true }, (tx) =>
    tx.metricsSnapshot.findMany({ where: { month: { gte: months[0]!, lte: months.at(-1)! } } }),
  );
  const byMonth = new Map(snapshots.map((s) => [s.month.getTime(), s]));
  const stored = new Map<number, MonthFacts>();
  const due: Date[] = [];
  for (const month of months) {
    const snapshot = byMonth.get(month.getTime());
    const parsed = snapshot ? monthFactsSchema.safeParse(snapshot.data) : undefined;
    if (parsed?.success) stored.set(month.getTime(), parsed.data);
    if (!snapshot || !parsed?.success || !fresh(snapshot, month, now)) due.push(month);
  }
  return { months, stored, due };
}

/** Seconds per due month at scale: for jobs, scripts and tests, never a page view. */
export async function loadMonthFacts(now: Date = new Date()): Promise<MonthFacts[]> {
  const window = await readSnapshotWindow(now);
  for (const month of window.due)
    window.stored.set(month.getTime(), await refreshMonth(month, now));
  return window.months.map((month) => window.stored.get(month.getTime())!);
}

export async function refreshRecentMonths(now: Date = new Date()): Promise<MonthFacts[]> {
  const current = monthStart(now);
  return [await refreshMonth(addMonths(current, -1), now), await refreshMonth(current, now)];
}
