import "server-only";

import { db } from "@/lib/db";
import { enterOrganization, lockOrganization, withScope } from "@/lib/db/tenant";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { billingSnapshot, effectivePlan } from "@/lib/billing/plans/entitlements";
import { BUCKET_MS, closedBefore, usagePeriod } from "./period";
import { usageStore } from "./record";
import type { ClosedBucket, UsageCount, UsageStore } from "./store";
import { notifyThresholds, periodCalls } from "./thresholds";
import { queueOverageReport } from "./report";

export type FlushResult = { buckets: number; calls: number };

function byOrganization(counts: UsageCount[]): Map<string, UsageCount[]> {
  const groups = new Map<string, UsageCount[]>();
  for (const count of counts) {
    const group = groups.get(count.organizationId) ?? [];
    group.push(count);
    groups.set(count.organizationId, group);
  }
  return groups;
}

// One transaction per bucket. Its rows are unique per (organization, key, bucket, source), so a
// flush retried after a crash (rows committed, bucket not yet forgotten) inserts nothing twice.
async function flushBucket(bucket: ClosedBucket): Promise<number> {
  const groups = byOrganization(bucket.counts);
  const [first] = groups.keys();
  if (first === undefined) return 0;
  const bucketStart = new Date(bucket.start);
  return withScope({ organizationId: first }, async (tx) => {
    let inserted = 0;
    for (const [organizationId, counts] of groups) {
      await enterOrganization(tx, organizationId);
      const created = await tx.usageCounter.createManyAndReturn({
        data: counts.map(({ apiKeyId, count }) => ({
          organizationId,
          apiKeyId,
          count,
          bucketStart,
          source: bucket.source,
        })),
        skipDuplicates: true,
        select: { count: true },
      });
      if (created.length === 0) continue;
      // Flushes of other buckets wait here, so each sees the totals before its own rows.
      await lockOrganization(tx, organizationId);
      const added = created.reduce((sum, row) => sum + row.count, 0);
      inserted += added;
      const period = usagePeriod(bucketStart);
      const plan = effectivePlan(await billingSnapshot(tx, organizationId));
      const callsAfter = await periodCalls(tx, organizationId, period);
      await notifyThresholds(tx, organizationId, period, plan, callsAfter);
      await queueOverageReport(tx, {
        organizationId,
        plan,
        callsBefore: callsAfter - added,
        callsAfter,
        bucketStart: bucket.start,
        source: bucket.source,
      });
    }
    return inserted;
  });
}

export async function flushUsage({
  now = new Date(),
  store = usageStore(),
}: { now?: Date; store?: UsageStore } = {}): Promise<FlushResult> {
  const result: FlushResult = { buckets: 0, calls: 0 };
  for (const bucket of await store.closedBuckets(closedBefore(now))) {
    result.calls += await flushBucket(bucket);
    await store.acknowledge(bucket);
    result.buckets += 1;
  }
  return result;
}

export async function scheduleUsageFlush(
  now = new Date(),
  store: UsageStore = usageStore(),
): Promise<void> {
  // Unsure (Redis not answering): schedule anyway, the job retries; the drain must not fail.
  const holds = await store.holdsCounts().catch(() => true);
  if (!holds) return;
  const minute = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  await enqueueJob(db, "usage-flush", {}, { dedupeKey: `usage-flush:${minute.toISOString()}` });
}
