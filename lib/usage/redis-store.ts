import type { Redis } from "@upstash/redis";
import { createBoundedRedis } from "@/lib/rate-limit/bounded-redis";
import { logger } from "@/lib/observability/logger";
import { countOf, fieldOf, type ClosedBucket, type UsageCount, type UsageStore } from "./store";

export type RedisUsageStoreOptions = {
  url: string;
  token: string;
  prefix: string;
  timeoutMs: number;
  pushEveryMs?: number;
  /** Where counts go when Redis does not take them, so the calls are still counted. */
  fallback: UsageStore;
};

type Pending = Map<number, Map<string, number>>;

// HSCAN rather than HGETALL: a flat array on every protocol version, and bounded per round trip.
async function readHash(redis: Redis, key: string): Promise<UsageCount[]> {
  const counts: UsageCount[] = [];
  let cursor: string | number = "0";
  do {
    const [next, flat]: [string | number, (string | number)[]] = await redis.hscan(key, cursor, {
      count: 1000,
    });
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const count = countOf(String(flat[i]), Number(flat[i + 1]));
      if (count) counts.push(count);
    }
    cursor = next;
  } while (String(cursor) !== "0");
  return counts;
}

// Calls are batched (one request per batch, not per call); hashes are deleted only after their
// rows are committed, so a dead flusher loses nothing.
export function createRedisUsageStore({
  url,
  token,
  prefix,
  timeoutMs,
  pushEveryMs = 250,
  fallback,
}: RedisUsageStoreOptions): UsageStore {
  const redis = createBoundedRedis(url, token, timeoutMs);
  const bucketsKey = `${prefix}:buckets`;
  const hashKey = (start: number) => `${prefix}:bucket:${start}`;
  let pending: Pending = new Map();
  let timer: NodeJS.Timeout | undefined;

  const push = async () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = new Map();
    if (batch.size === 0) return;
    const pipeline = redis.pipeline();
    for (const [bucket, counts] of batch) {
      for (const [field, count] of counts) pipeline.hincrby(hashKey(bucket), field, count);
      pipeline.zadd(bucketsKey, { score: bucket, member: String(bucket) });
    }
    try {
      await pipeline.exec();
    } catch (error) {
      // Not atomic: some increments may have landed, so this may overcount a batch, never lose it.
      for (const [bucket, counts] of batch) {
        for (const [field, count] of counts) {
          const parsed = countOf(field, count);
          if (!parsed) continue;
          for (let i = 0; i < count; i++) {
            fallback.increment(bucket, parsed.organizationId, parsed.apiKeyId);
          }
        }
      }
      logger.warn({ err: error }, "[usage] Redis did not take API call counts; kept in memory");
    }
  };

  return {
    increment(bucket, organizationId, apiKeyId) {
      let counts = pending.get(bucket);
      if (!counts) pending.set(bucket, (counts = new Map()));
      const field = fieldOf(organizationId, apiKeyId);
      counts.set(field, (counts.get(field) ?? 0) + 1);
      if (!timer) {
        timer = setTimeout(() => void push(), pushEveryMs);
        timer.unref();
      }
    },
    async closedBuckets(before) {
      await push();
      const starts = await redis.zrange<string[]>(bucketsKey, "-inf", `(${before}`, {
        byScore: true,
      });
      const buckets: ClosedBucket[] = [];
      for (const member of starts) {
        const start = Number(member);
        if (!Number.isSafeInteger(start)) continue;
        const counts = await readHash(redis, hashKey(start));
        buckets.push({ source: "redis", start, counts });
      }
      return [...buckets, ...(await fallback.closedBuckets(before))];
    },
    async holdsCounts() {
      if (pending.size > 0 || (await fallback.holdsCounts())) return true;
      return (await redis.zcard(bucketsKey)) > 0;
    },
    async acknowledge(bucket) {
      if (bucket.source !== "redis") return fallback.acknowledge(bucket);
      await redis.del(hashKey(bucket.start));
      await redis.zrem(bucketsKey, String(bucket.start));
    },
  };
}
