import "server-only";

import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { purgeExpiredData } from "@/lib/retention/purge";
import { defineJob } from "../define";
import { enqueueJob } from "../enqueue";

export const retentionJob = defineJob({
  kind: "retention",
  payload: z.object({
    batchSize: z.number().int().positive().optional(),
    // Where the previous run's pass over the organizations stopped.
    auditFrom: z.string().max(100).optional(),
  }),
  maxAttempts: 3,
  concurrency: 1,
  handler: async ({ batchSize, auditFrom }, { db, now }) => {
    const {
      counts,
      more,
      auditFrom: next,
    } = await purgeExpiredData({
      now,
      ...(batchSize ? { batchSize } : {}),
      ...(auditFrom ? { auditFrom } : {}),
    });
    logger.info({ purged: counts, more }, "[retention] purged expired data");
    if (more) {
      const payload = { ...(batchSize ? { batchSize } : {}), ...(next ? { auditFrom: next } : {}) };
      await enqueueJob(db, "retention", payload, { runAt: new Date(now.getTime() + 60_000) });
    }
  },
});
