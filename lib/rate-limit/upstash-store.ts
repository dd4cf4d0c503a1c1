import "server-only";

import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { rateLimitPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitStore, StoreDecision } from "./types";

export type UpstashStoreOptions = {
  url: string;
  token: string;
  /** Budget of one check; every request to Redis is aborted after it. */
  timeoutMs: number;
  /** Redis keys are `<prefix>:<policy>:<hashed key>:<window index>`. */
  prefix: string;
};

/** @upstash/ratelimit answered "allowed" only because Redis did not answer in time. */
export class UpstashTimeoutError extends Error {
  constructor() {
    super("Upstash Redis did not answer within the rate-limit timeout");
    this.name = "UpstashTimeoutError";
  }
}

const REFUND_SCRIPT = `
for _, key in ipairs(KEYS) do
  local hits = tonumber(redis.call("GET", key) or "0")
  if hits and hits > 0 then
    redis.call("DECR", key)
    return 1
  end
end
return 0
`;

type LimitResponse = Awaited<ReturnType<Ratelimit["limit"]>>;

/**
 * Reads a `Ratelimit.limit()` answer. The library fails OPEN on its timeout (success
 * with reason "timeout"); that is turned into an error here so the limiter fails closed.
 * Numbers that make no sense (a proxy or client returning something odd) are errors too.
 */
export function decisionFromLimit(response: LimitResponse, now: number): StoreDecision {
  if (response.reason === "timeout") throw new UpstashTimeoutError();
  if (!Number.isFinite(response.remaining) || !Number.isFinite(response.reset)) {
    throw new Error("Unexpected answer from @upstash/ratelimit");
  }
  return response.success
    ? { allowed: true, remaining: response.remaining }
    : { allowed: false, retryAfterMs: response.reset - now };
}

/**
 * Counts hits in Upstash Redis with @upstash/ratelimit's sliding window, shared by
 * every server instance. The window's `reset` (the end of the current bucket) is
 * reported as the wait: at that moment at least one attempt is allowed again.
 */
export function createUpstashStore({
  url,
  token,
  timeoutMs,
  prefix,
}: UpstashStoreOptions): RateLimitStore {
  const redis = new Redis({
    url,
    token,
    // The default retries with backoff for seconds; a sign-in must not wait on that.
    retry: { retries: 0 },
    // A function: a fresh deadline per request, and an abort throws instead of
    // resolving with the string "Aborted" as a shared signal would.
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });

  const limiters = new Map<RateLimitPolicy, Ratelimit>();
  const limiterFor = (policy: RateLimitPolicy) => {
    let limiter = limiters.get(policy);
    if (!limiter) {
      const { limit, windowSeconds } = rateLimitPolicies[policy];
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
        prefix: `${prefix}:${policy}`,
        timeout: timeoutMs,
        analytics: false,
        // Downloads IP deny lists at run time.
        enableProtection: false,
        // Its in-process "blocked until" cache would outlive a reset done by another instance.
        ephemeralCache: false,
        enableTelemetry: false,
      });
      limiters.set(policy, limiter);
    }
    return limiter;
  };

  return {
    consume: async (policy, id) =>
      decisionFromLimit(await limiterFor(policy).limit(id), Date.now()),

    peek: async (policy, id) => {
      const { remaining, reset } = await limiterFor(policy).getRemaining(id);
      if (!Number.isFinite(remaining) || !Number.isFinite(reset)) {
        throw new Error("Unexpected answer from @upstash/ratelimit");
      }
      return remaining > 0
        ? { allowed: true, remaining }
        : { allowed: false, retryAfterMs: reset - Date.now() };
    },

    // Deletes the window's buckets directly. The library's resetUsedTokens runs SCAN over
    // the whole keyspace inside one Lua script, which blocks Redis on a large database.
    // The bucket names are @upstash/ratelimit 2.x's slidingWindow layout; the integration
    // test fails if a new version changes them. The neighbouring buckets cover clock skew
    // between server instances.
    reset: async (policy, id) => {
      const windowMs = rateLimitPolicies[policy].windowSeconds * 1000;
      const current = Math.floor(Date.now() / windowMs);
      const base = `${prefix}:${policy}:${id}`;
      await redis.del(`${base}:${current - 1}`, `${base}:${current}`, `${base}:${current + 1}`);
    },

    // One script, so it is atomic. It takes the hit back from the current bucket, or from
    // the previous one when the window turned since the hit was counted, and never goes
    // below zero (the library's own refund, a negative rate, can: a negative bucket would
    // hand out extra attempts). Same bucket layout as `reset` above.
    refund: async (policy, id) => {
      const windowMs = rateLimitPolicies[policy].windowSeconds * 1000;
      const current = Math.floor(Date.now() / windowMs);
      const base = `${prefix}:${policy}:${id}`;
      await redis.eval(REFUND_SCRIPT, [`${base}:${current}`, `${base}:${current - 1}`], []);
    },
  };
}
