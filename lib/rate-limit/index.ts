import "server-only";

import { env } from "@/lib/env";
import { recordRateLimitRefusal } from "@/lib/observability/metrics";
import { createRateLimiter, type RateLimiter } from "./limiter";
import type { RateLimitPolicy } from "./policies";
import type { RateLimitResult } from "./types";

export { createRateLimiter, hashRateLimitKey } from "./limiter";
export type { RateLimiter, RateLimiterOptions } from "./limiter";
export { rateLimitPolicies, type RateLimitPolicy } from "./policies";
export type { RateLimitRefusal, RateLimitResult } from "./types";

// On globalThis: Next dev re-evaluates modules, and the memory store would forget its counts.
const globalForRateLimit = globalThis as unknown as { keelRateLimiter?: RateLimiter };

function defaultRateLimiter(): RateLimiter {
  if (!globalForRateLimit.keelRateLimiter) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
    globalForRateLimit.keelRateLimiter = createRateLimiter({
      store: env.rateLimitStore === "upstash" && url && token ? { url, token } : "memory",
    });
  }
  return globalForRateLimit.keelRateLimiter;
}

export async function consumeRateLimit(
  policy: RateLimitPolicy,
  key: string,
): Promise<RateLimitResult> {
  const result = await defaultRateLimiter().consumeRateLimit(policy, key);
  if (!result.ok) recordRateLimitRefusal(policy, result.reason);
  return result;
}

export function peekRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult> {
  return defaultRateLimiter().peekRateLimit(policy, key);
}

// For hits counted before the outcome is known (so concurrent attempts cannot all slip past).
export function refundRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  return defaultRateLimiter().refundRateLimit(policy, key);
}

export function resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  return defaultRateLimiter().resetRateLimit(policy, key);
}
