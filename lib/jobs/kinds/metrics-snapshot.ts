import "server-only";

import { z } from "zod";
import { isMonthKey, monthFromKey, type MonthKey } from "@/lib/metrics/months";
import { refreshMonth, refreshRecentMonths } from "@/lib/metrics/snapshots";
import { logger } from "@/lib/observability/logger";
import { defineJob } from "../define";

// Daily without a month: this month and the previous (for events arriving after it closed). With
// one: that month, queued by the console for a missing or old snapshot (lib/metrics/refresh.ts).
export const metricsSnapshotJob = defineJob({
  kind: "metrics-snapshot",
  payload: z.object({ month: z.string().refine(isMonthKey).optional() }),
  maxAttempts: 3,
  concurrency: 1,
  handler: async ({ month }, { now }) => {
    const months = month
      ? [await refreshMonth(monthFromKey(month as MonthKey), now)]
      : await refreshRecentMonths(now);
    logger.info(
      { months: months.map((m) => ({ month: m.month, mrr: m.mrr })) },
      "[metrics] snapshots refreshed",
    );
  },
});
