import "server-only";

import { createHash } from "node:crypto";
import { logError } from "@/lib/observability/logger";
import { createMemoryStore } from "./memory-store";
import { rateLimitPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitResult, RateLimitStore, StoreDecision } from "./types";
import { createUpstashStore } from "./upstash-store";

export const DEFAULT_RATE_LIMIT_TIMEOUT_MS = 1_500;
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;
export const DEFAULT_RATE_LIMIT_PREFIX = "keel:rl";

export type RateLimiterOptions = {
  store: "memory" | { url: string; token: string } | RateLimitStore;
  timeoutMs?: number;
  now?: () => number;
  prefix?: string;
  log?: (message: string, error: unknown) => void;
};

export type RateLimiter = {
  consumeRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult>;
  peekRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult>;
  resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void>;
  refundRateLimit(policy: RateLimitPolicy, key: string): Promise<void>;
};

class RateLimitTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`rate-limit store did not answer within ${timeoutMs} ms`);
    this.name = "RateLimitTimeoutError";
  }
}

export function hashRateLimitKey(key: string): string {
  return createHash("sha256").update(key.trim().toLowerCase()).digest("hex");
}

async function withDeadline<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RateLimitTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(work), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function toResult(decision: StoreDecision, policy: RateLimitPolicy): RateLimitResult {
  if (decision.allowed) return { ok: true, remaining: Math.max(0, Math.floor(decision.remaining)) };
  const { windowSeconds } = rateLimitPolicies[policy];
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  return {
    ok: false,
    reason: "limited",
    retryAfterSeconds: Math.min(windowSeconds, Math.max(1, Number.isFinite(seconds) ? seconds : 1)),
  };
}

// Fails CLOSED: a store error or timeout is "unavailable", so overloading Redis lifts no limit.
export function createRateLimiter({
  store,
  timeoutMs = DEFAULT_RATE_LIMIT_TIMEOUT_MS,
  now,
  prefix = DEFAULT_RATE_LIMIT_PREFIX,
  log = logError,
}: RateLimiterOptions): RateLimiter {
  const backend: RateLimitStore =
    store === "memory"
      ? createMemoryStore({ now })
      : "consume" in store
        ? store
        : createUpstashStore({ url: store.url, token: store.token, timeoutMs, prefix });

  const check = async (
    policy: RateLimitPolicy,
    key: string,
    run: (id: string) => Promise<StoreDecision>,
  ): Promise<RateLimitResult> => {
    try {
      return toResult(await withDeadline(() => run(hashRateLimitKey(key)), timeoutMs), policy);
    } catch (error) {
      log(`[rate-limit] ${policy} check failed; refusing the request`, error);
      return {
        ok: false,
        reason: "unavailable",
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      };
    }
  };

  return {
    consumeRateLimit: (policy, key) => check(policy, key, (id) => backend.consume(policy, id)),
    peekRateLimit: (policy, key) => check(policy, key, (id) => backend.peek(policy, id)),
    resetRateLimit: async (policy, key) => {
      try {
        await withDeadline(() => backend.reset(policy, hashRateLimitKey(key)), timeoutMs);
      } catch (error) {
        log(`[rate-limit] ${policy} reset failed`, error);
      }
    },
    refundRateLimit: async (policy, key) => {
      try {
        await withDeadline(() => backend.refund(policy, hashRateLimitKey(key)), timeoutMs);
      } catch (error) {
        log(`[rate-limit] ${policy} refund failed`, error);
      }
    },
  };
}
