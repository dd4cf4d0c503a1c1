import "server-only";

import { metricsConfig } from "./config";
import { deriveMetrics, type MonthMetrics } from "./derive";
import { monthFromKey, type MonthKey } from "./months";
import { loadMonthFacts } from "./snapshots";
import { spendByMonth } from "./spend";

export type MetricsReport = {
  months: MonthMetrics[];
  grossMargin: number;
  now: Date;
};

/** The console's report: the last 24 months and the current one, oldest first. */
export async function metricsReport(now: Date = new Date()): Promise<MetricsReport> {
  const facts = await loadMonthFacts(now);
  const spend = await spendByMonth(facts.map((f) => monthFromKey(f.month as MonthKey)));
  const grossMargin = metricsConfig.grossMargin;
  const months = facts.map((f) =>
    deriveMetrics(f, {
      spend: spend.get(monthFromKey(f.month as MonthKey).getTime()) ?? null,
      grossMargin,
    }),
  );
  return { months, grossMargin, now };
}
