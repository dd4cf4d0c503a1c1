import "server-only";

import { Ratelimit } from "@upstash/ratelimit";
import { createBoundedRedis } from "./bounded-redis";
import { rateLimitPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitStore, StoreDecision } from "./types";

export type UpstashStoreOptions = {
  url: string;
  token: string;
  timeoutMs: number;
  prefix: string;
};

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

// The library fails OPEN on its timeout (success, reason "timeout"): throw so we fail closed.
export function decisionFromLimit(response: LimitResponse, now: number): StoreDecision {
  if (response.reason === "timeout") throw new UpstashTimeoutError();
  if (!Number.isFinite(response.remaining) || !Number.isFinite(response.reset)) {
    throw new Error("Unexpected answer from @upstash/ratelimit");
  }
  return response.success
    ? { allowed: true, remaining: response.remaining }
    : { allowed: false, retryAfterMs: response.reset - now };
}

export function createUpstashStore({
  url,
  token,
  timeoutMs,
  prefix,
}: UpstashStoreOptions): RateLimitStore {
  // A sign-in must not wait on Redis retries.
  const redis = createBoundedRedis(url, token, timeoutMs);

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

    // Not resetUsedTokens: it SCANs the keyspace in one Lua script. Bucket names follow 2.x's
    // slidingWindow (an integration test checks); the neighbours cover clock skew between hosts.
    reset: async (policy, id) => {
      const windowMs = rateLimitPolicies[policy].windowSeconds * 1000;
      const current = Math.floor(Date.now() / windowMs);
      const base = `${prefix}:${policy}:${id}`;
      await redis.del(`${base}:${current - 1}`, `${base}:${current}`, `${base}:${current + 1}`);
    },

    // Atomic; from the current bucket, else the previous (the window turned). Never below zero:
    // the library's refund (a negative rate) can go there, and hand out extra attempts.
    refund: async (policy, id) => {
      const windowMs = rateLimitPolicies[policy].windowSeconds * 1000;
      const current = Math.floor(Date.now() / windowMs);
      const base = `${prefix}:${policy}:${id}`;
      await redis.eval(REFUND_SCRIPT, [`${base}:${current}`, `${base}:${current - 1}`], []);
    },
  };
}
