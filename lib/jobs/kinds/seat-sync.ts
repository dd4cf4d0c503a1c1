import "server-only";

import { z } from "zod";
import { syncSeats } from "@/lib/billing/stripe/seats";
import { defineJob } from "../define";

// Idempotent (sets the count as of when it runs); /api/cron/billing fixes what a dead sync leaves.
export const seatSyncJob = defineJob({
  kind: "seat-sync",
  payload: z.object({ organizationId: z.string().min(1) }),
  maxAttempts: 6,
  concurrency: 5,
  handler: async ({ organizationId }) => {
    await syncSeats(organizationId);
  },
});
