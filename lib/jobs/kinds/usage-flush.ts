import "server-only";

import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { flushUsage } from "@/lib/usage/flush";
import { defineJob } from "../define";

// Safe to retry and to run twice at once: each bucket's rows are inserted once (see flushUsage).
export const usageFlushJob = defineJob({
  kind: "usage-flush",
  payload: z.object({}),
  maxAttempts: 3,
  concurrency: 1,
  handler: async (_payload, { now }) => {
    const { buckets, calls } = await flushUsage({ now });
    if (buckets > 0) logger.info({ buckets, calls }, "[usage] flushed API call counts");
  },
});
