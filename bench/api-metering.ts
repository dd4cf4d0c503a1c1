/**
 * What metering adds to an API call: recordApiCall's cost per call with the in-memory store
 * and with Redis through the Upstash REST API (UPSTASH_REDIS_REST_URL/TOKEN, else the test
 * proxy in front of the machine's Redis). The Redis write is batched off the request; its cost
 * per batch is shown apart. Target for key verification plus metering: under 1 ms p50.
 *
 *   npm run bench:metering
 */
import { performance } from "node:perf_hooks";
import { createMemoryUsageStore } from "@/lib/usage/memory-store";
import { recordApiCall, setUsageStore } from "@/lib/usage/record";
import { createRedisUsageStore } from "@/lib/usage/redis-store";
import type { UsageStore } from "@/lib/usage/store";
import { startUpstashProxy } from "@/tests/support/upstash-proxy";
import { median } from "./support";

const CALLS = 100_000;
const BATCH = 1_000;
const ORGANIZATIONS = 50;

/** Median cost of one call, timed in batches (a single call is below the timer's resolution). */
function perCall(store: UsageStore): number {
  setUsageStore(store);
  const samples: number[] = [];
  for (let done = 0; done < CALLS; done += BATCH) {
    const started = performance.now();
    for (let i = 0; i < BATCH; i++) {
      const n = done + i;
      recordApiCall({ organizationId: `org${n % ORGANIZATIONS}`, apiKeyId: `key${n % 7}` });
    }
    samples.push((performance.now() - started) / BATCH);
  }
  return median(samples);
}

const memory = createMemoryUsageStore();
perCall(memory); // warm-up
const memoryCost = perCall(memory);

const proxy = process.env.UPSTASH_REDIS_REST_URL ? null : await startUpstashProxy();
const url = process.env.UPSTASH_REDIS_REST_URL ?? proxy!.url;
const token = process.env.UPSTASH_REDIS_REST_TOKEN ?? proxy!.token;
const redis = createRedisUsageStore({
  url,
  token,
  prefix: `${proxy?.keyPrefix ?? "keel-bench"}:usage`,
  timeoutMs: 2_000,
  pushEveryMs: 60_000,
  fallback: createMemoryUsageStore(),
});
const redisCost = perCall(redis);
const pushStarted = performance.now();
await redis.closedBuckets(0); // pushes the pending batch first
const pushMs = performance.now() - pushStarted;

console.log(`recordApiCall, ${CALLS} calls over ${ORGANIZATIONS} organizations (median per call)`);
console.log(`  in memory:             ${(memoryCost * 1000).toFixed(2)} µs`);
console.log(`  Redis (batched):       ${(redisCost * 1000).toFixed(2)} µs on the request`);
console.log(`  one batch to Redis:    ${pushMs.toFixed(1)} ms, off the request`);

await proxy?.close();
