import "server-only";

import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { purgeExpiredData } from "@/lib/retention/purge";
import { defineJob } from "../define";
import { enqueueJob } from "../enqueue";

export const retentionJob = defineJob({
  kind: "retention",
  payload: z.object({ batchSize: z.number().int().positive().optional() }),
  maxAttempts: 3,
  concurrency: 1,
  handler: async ({ batchSize }, { db, now }) => {
    const { counts, more } = await purgeExpiredData({ now, ...(batchSize ? { batchSize } : {}) });
    logger.info({ purged: counts, more }, "[retention] purged expired data");
    if (more) {
      await enqueueJob(db, "retention", batchSize ? { batchSize } : {}, {
        runAt: new Date(now.getTime() + 60_000),
      });
    }
  },
});
