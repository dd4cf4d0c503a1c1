import "server-only";

import { env } from "@/lib/env";
import { createMemoryUsageStore } from "./memory-store";
import { bucketStart } from "./period";
import { createRedisUsageStore } from "./redis-store";
import type { UsageStore } from "./store";

const REDIS_TIMEOUT_MS = 1_000;

// On globalThis: Next dev re-evaluates modules, and the memory store would forget its counts.
const globalForUsage = globalThis as unknown as { keelUsageStore?: UsageStore };

export function usageStore(): UsageStore {
  if (!globalForUsage.keelUsageStore) {
    const memory = createMemoryUsageStore();
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
    globalForUsage.keelUsageStore =
      env.rateLimitStore === "upstash" && url && token
        ? createRedisUsageStore({
            url,
            token,
            prefix: "keel:usage",
            timeoutMs: REDIS_TIMEOUT_MS,
            fallback: memory,
          })
        : memory;
  }
  return globalForUsage.keelUsageStore;
}

export function setUsageStore(store: UsageStore | undefined): void {
  globalForUsage.keelUsageStore = store;
}

/** Counts one successful API call. Never waits and never throws: no database write here. */
export function recordApiCall({
  organizationId,
  apiKeyId,
  at = Date.now(),
}: {
  organizationId: string;
  apiKeyId: string;
  at?: number;
}): void {
  usageStore().increment(bucketStart(at), organizationId, apiKeyId);
}
