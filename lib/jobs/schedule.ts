import "server-only";

import { db } from "@/lib/db";
import { enqueueJob } from "./enqueue";

/** Retention runs daily at this hour (UTC), when most deployments are quiet. */
export const RETENTION_HOUR_UTC = 3;

/**
 * Queues the recurring jobs ahead of time: the next retention run, as a delayed job. Every
 * trigger (Vercel Cron, QStash, the dev pump) calls it before draining; the dedupe key
 * makes it one job per day however often it is called.
 */
export async function scheduleRecurringJobs(now = new Date()): Promise<void> {
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RETENTION_HOUR_UTC),
  );
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  const day = next.toISOString().slice(0, 10);
  await enqueueJob(db, "retention", {}, { runAt: next, dedupeKey: `retention:${day}` });
}
