import "server-only";

import { z } from "zod";
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
    console.info(`[retention] purged ${JSON.stringify(counts)}${more ? "; more left" : ""}`);
    if (more) {
      await enqueueJob(db, "retention", batchSize ? { batchSize } : {}, {
        runAt: new Date(now.getTime() + 60_000),
      });
    }
  },
});
