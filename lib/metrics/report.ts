import "server-only";

import { metricsConfig } from "./config";
import { deriveMetrics, type MonthMetrics } from "./derive";
import { monthFromKey, type MonthKey } from "./months";
import { readSnapshotWindow } from "./snapshots";
import { spendByMonth } from "./spend";

export type MetricsReport =
  | {
      status: "ready";
      months: MonthMetrics[];
      grossMargin: number;
      now: Date;
      /** Months shown from an older snapshot while a newer one is computed. */
      due: Date[];
    }
  | {
      // Some month has no snapshot yet: a partial report would mislead.
      status: "computing";
      ready: number;
      total: number;
      now: Date;
      due: Date[];
    };

/** Snapshots only: a page view never recomputes a month (seconds each); the caller queues `due`. */
export async function metricsReport(now: Date = new Date()): Promise<MetricsReport> {
  const { months, stored, due } = await readSnapshotWindow(now);
  if (stored.size < months.length) {
    return { status: "computing", ready: stored.size, total: months.length, now, due };
  }
  const facts = months.map((month) => stored.get(month.getTime())!);
  const spend = await spendByMonth(months);
  const grossMargin = metricsConfig.grossMargin;
  return {
    status: "ready",
    months: facts.map((f) =>
      deriveMetrics(f, {
        spend: spend.get(monthFromKey(f.month as MonthKey).getTime()) ?? null,
        grossMargin,
      }),
    ),
    grossMargin,
    now,
    due,
  };
}
