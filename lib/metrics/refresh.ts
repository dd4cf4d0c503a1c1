import "server-only";

import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { monthKey } from "./months";

// One job per month per hour: a page many staff keep open queues it once, and a failed month is
// retried an hour later.
export async function queueSnapshotRefresh(months: readonly Date[], now: Date): Promise<string[]> {
  const hour = now.toISOString().slice(0, 13);
  const ids: string[] = [];
  for (const month of months) {
    const key = monthKey(month);
    ids.push(
      await enqueueJob(
        db,
        "metrics-snapshot",
        { month: key },
        {
          runAt: now,
          dedupeKey: `metrics-snapshot:${key}:${hour}`,
        },
      ),
    );
  }
  return ids;
}
