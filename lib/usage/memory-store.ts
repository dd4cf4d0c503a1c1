import { randomUUID } from "node:crypto";
import { countOf, fieldOf, type ClosedBucket, type UsageStore } from "./store";

// Counts held by this process only: lost if it dies before the next flush.
export function createMemoryUsageStore(instance = randomUUID()): UsageStore {
  const source = `memory:${instance}`;
  const buckets = new Map<number, Map<string, number>>();
  return {
    increment(bucket, organizationId, apiKeyId) {
      let counts = buckets.get(bucket);
      if (!counts) buckets.set(bucket, (counts = new Map()));
      const field = fieldOf(organizationId, apiKeyId);
      counts.set(field, (counts.get(field) ?? 0) + 1);
    },
    async closedBuckets(before) {
      return [...buckets.entries()]
        .filter(([start]) => start < before)
        .sort(([a], [b]) => a - b)
        .map(([start, counts]) => ({
          source,
          start,
          counts: [...counts.entries()].flatMap(([field, count]) => countOf(field, count) ?? []),
        }));
    },
    async holdsCounts() {
      return buckets.size > 0;
    },
    async acknowledge(bucket: ClosedBucket) {
      if (bucket.source === source) buckets.delete(bucket.start);
    },
  };
}
