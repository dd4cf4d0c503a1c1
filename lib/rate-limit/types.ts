import type { RateLimitPolicy } from "./policies";

export type RateLimitResult =
  | { ok: true; remaining: number }
  | { ok: false; reason: "limited"; retryAfterSeconds: number }
  | { ok: false; reason: "unavailable"; retryAfterSeconds: number };

export type RateLimitRefusal = Extract<RateLimitResult, { ok: false }>;

export type StoreDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

// Stores keep each policy's hits apart and throw on any failure (the limiter fails closed).
export interface RateLimitStore {
  consume(policy: RateLimitPolicy, id: string): Promise<StoreDecision>;
  peek(policy: RateLimitPolicy, id: string): Promise<StoreDecision>;
  reset(policy: RateLimitPolicy, id: string): Promise<void>;
  refund(policy: RateLimitPolicy, id: string): Promise<void>;
}
