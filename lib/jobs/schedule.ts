import "server-only";

import { db } from "@/lib/db";
import { enqueueJob } from "./enqueue";

export const RETENTION_HOUR_UTC = 3;

// Every trigger calls this before draining; the dedupe key makes it one job per day.
export async function scheduleRecurringJobs(now = new Date()): Promise<void> {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  await enqueueJob(db, "retention", {}, { runAt: next, dedupeKey: `retention:${day}` });
  // An hour before retention, so a day's numbers are fresh when people read them.
  const metricsAt = new Date(next.getTime() - 60 * 60 * 1000);
  await enqueueJob(
    db,
    "metrics-snapshot",
    {},
    {
      runAt: metricsAt > now ? metricsAt : now,
      dedupeKey: `metrics-snapshot:${day}`,
    },
  );
}
