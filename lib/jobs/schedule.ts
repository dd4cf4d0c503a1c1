import "server-only";

import { db } from "@/lib/db";
import { enqueueJob } from "./enqueue";

export const RETENTION_HOUR_UTC = 3;
export const USAGE_FLUSH_EVERY_MS = 60_000;

// Every trigger calls this before draining; dedupe keys make it one job per day (per minute).
export async function scheduleRecurringJobs(now = new Date()): Promise<void> {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  await enqueueJob(db, "retention", {}, { runAt: next, dedupeKey: `retention:${day}` });
  // API call counts: one flush per minute, whichever trigger drains first.
  const minute = Math.floor(now.getTime() / USAGE_FLUSH_EVERY_MS) * USAGE_FLUSH_EVERY_MS;
  await enqueueJob(
    db,
    "usage-flush",
    {},
    { runAt: new Date(minute), dedupeKey: `usage-flush:${new Date(minute).toISOString()}` },
  );
}
