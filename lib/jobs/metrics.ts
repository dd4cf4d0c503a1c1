import "server-only";

import { db } from "@/lib/db";
import { logError } from "@/lib/observability/logger";
import { registerCollector } from "@/lib/observability/metrics";

type QueueRow = { kind: string; status: string; count: bigint; oldest: Date | null };

async function queueRows(): Promise<QueueRow[]> {
  return db.$queryRaw<QueueRow[]>`
    SELECT "kind", "status"::text AS "status", count(*) AS "count", min("createdAt") AS "oldest"
    FROM "OutboxMessage"
    WHERE "status" <> 'SENT'
    GROUP BY "kind", "status"`;
}

let registered = false;

/** Job queue depth and the age of the oldest waiting job, read from the database at scrape time. */
export function observeJobQueue(): void {
  if (registered) return;
  registered = true;
  // One query per scrape for both gauges; a database that does not answer leaves them empty.
  let cached: { at: number; rows: Promise<QueueRow[]> } | null = null;
  const rows = () => {
    if (!cached || Date.now() - cached.at > 1_000) {
      const read = queueRows().catch((error: unknown) => {
        logError("[metrics] the job queue could not be read", error);
        return [];
      });
      cached = { at: Date.now(), rows: read };
    }
    return cached.rows;
  };
  registerCollector(
    "keel_jobs",
    "Jobs not yet done, by kind and status (PENDING, DEAD).",
    ["kind", "status"],
    async (set) => {
      for (const row of await rows())
        set({ kind: row.kind, status: row.status }, Number(row.count));
    },
  );
  registerCollector(
    "keel_job_oldest_pending_age_seconds",
    "Age of the oldest pending job, by kind.",
    ["kind"],
    async (set) => {
      const now = Date.now();
      for (const row of await rows()) {
        if (row.status === "PENDING" && row.oldest) {
          set({ kind: row.kind }, Math.max(0, (now - row.oldest.getTime()) / 1000));
        }
      }
    },
  );
}
