import "server-only";

import { z } from "zod";
import { refreshRecentMonths } from "@/lib/metrics/snapshots";
import { logger } from "@/lib/observability/logger";
import { defineJob } from "../define";

// Daily: the month in progress, and the previous one for events that arrive after it closed.
export const metricsSnapshotJob = defineJob({
  kind: "metrics-snapshot",
  payload: z.object({}),
  maxAttempts: 3,
  concurrency: 1,
  handler: async (_payload, { now }) => {
    const months = await refreshRecentMonths(now);
    logger.info(
      { months: months.map((m) => ({ month: m.month, mrr: m.mrr })) },
      "[metrics] snapshots refreshed",
    );
  },
});
