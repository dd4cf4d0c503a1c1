import "server-only";

import { z } from "zod";
import { syncSeats } from "@/lib/billing/stripe/seats";
import { defineJob } from "../define";

/**
 * Brings the subscription's quantity to the member count after someone joined or left,
 * off the request path. Idempotent: it sets the quantity to the count at the time it
 * runs, so duplicates and retries converge. Reconciliation (/api/cron/billing) still
 * corrects whatever a dead-lettered sync leaves behind.
 */
export const seatSyncJob = defineJob({
  kind: "seat-sync",
  payload: z.object({ organizationId: z.string().min(1) }),
  maxAttempts: 6,
  concurrency: 5,
  handler: async ({ organizationId }) => {
    await syncSeats(organizationId);
  },
});
