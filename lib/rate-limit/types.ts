import type { RateLimitPolicy } from "./policies";

export type RateLimitResult =
  | { ok: true; remaining: number }
  | { ok: false; reason: "limited"; retryAfterSeconds: number }
  /** The store is down or too slow. Treated as a refusal: failing open would let attackers through. */
  | { ok: false; reason: "unavailable"; retryAfterSeconds: number };

export type RateLimitRefusal = Extract<RateLimitResult, { ok: false }>;

/** A store's raw answer; the limiter turns it into a RateLimitResult. */
export type StoreDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * Where hits are counted. `id` is already hashed and unique per key, and stores keep
 * each policy's hits apart. Any failure is thrown: the limiter turns it into "unavailable".
 */
export interface RateLimitStore {
  /** Counts one hit unless the limit is reached. */
  consume(policy: RateLimitPolicy, id: string): Promise<StoreDecision>;
  /** Says whether a hit would be allowed now, without counting one. */
  peek(policy: RateLimitPolicy, id: string): Promise<StoreDecision>;
  reset(policy: RateLimitPolicy, id: string): Promise<void>;
  /**
   * Gives back one hit counted by `consume` (atomically, never below zero): a check
   * counted before its outcome was known, that turned out not to need counting.
   */
  refund(policy: RateLimitPolicy, id: string): Promise<void>;
}
