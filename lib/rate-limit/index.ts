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

// One limiter per server process, built on first use so `next build` needs no Redis.
// Kept on globalThis: in development Next re-evaluates modules on every change, and
// the memory store would otherwise forget its counts each time.
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

/**
 * Counts one hit for `key` under `policy` and says whether it is allowed. Fails closed.
 * Keys are compared trimmed and case-insensitively, and stored only as a hash.
 */
export async function consumeRateLimit(
  policy: RateLimitPolicy,
  key: string,
): Promise<RateLimitResult> {
  const result = await defaultRateLimiter().consumeRateLimit(policy, key);
  if (!result.ok) recordRateLimitRefusal(policy, result.reason);
  return result;
}

/** Reads without counting (e.g. "is this account currently locked?"). Fails closed. */
export function peekRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult> {
  return defaultRateLimiter().peekRateLimit(policy, key);
}

/**
 * Gives back one hit of `key` counted by consumeRateLimit, for checks that are counted
 * before their outcome is known (so concurrent attempts cannot all slip past the limit)
 * and turn out not to count, e.g. a successful sign-in. Never throws.
 */
export function refundRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  return defaultRateLimiter().refundRateLimit(policy, key);
}

/**
 * Forgets the hits of `key` (e.g. the account's failed sign-ins after a password reset).
 * Never throws: a failure is logged, and the hits expire with their window anyway.
 */
export function resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  return defaultRateLimiter().resetRateLimit(policy, key);
}
