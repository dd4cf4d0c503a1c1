import "server-only";

import { rateLimitPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitStore, StoreDecision } from "./types";

export type MemoryStoreOptions = {
  /** Clock in ms; tests move it instead of waiting. */
  now?: () => number;
  /** Keys kept at most; past it the least recently hit are forgotten. */
  maxKeys?: number;
  /** How often expired keys are swept out. */
  sweepIntervalMs?: number;
};

export type MemoryStore = RateLimitStore & {
  /** Keys currently held, for tests of pruning. */
  size(): number;
};

type Entry = { windowMs: number; hits: number[] };

/**
 * Counts hits in this process's memory: for development and single-instance
 * deployments without Upstash. Each key keeps the times of its hits within the
 * window (at most `limit` of them), so a limit of N allows exactly N hits in any
 * window-long span and the wait it reports is exact.
 *
 * Memory stays bounded: expired keys are swept regularly, and past `maxKeys` the
 * least recently hit keys are dropped (an attacker spraying keys can then reset
 * other keys' counts, which is why production should use Upstash).
 */
export function createMemoryStore({
  now = Date.now,
  maxKeys = 50_000,
  sweepIntervalMs = 60_000,
}: MemoryStoreOptions = {}): MemoryStore {
  // Map order is insertion order; consume() re-inserts, so the first entry is the stalest.
  const entries = new Map<string, Entry>();
  let lastSweep = now();

  const live = (entry: Entry, at: number) => {
    const cutoff = at - entry.windowMs;
    let expired = 0;
    while (expired < entry.hits.length && (entry.hits[expired] ?? 0) <= cutoff) expired += 1;
    if (expired > 0) entry.hits.splice(0, expired);
    return entry.hits;
  };

  // A full sweep at most once per interval; over the cap, dropping the stalest keys is O(1) each.
  const prune = (at: number) => {
    if (at - lastSweep >= sweepIntervalMs) {
      lastSweep = at;
      for (const [key, entry] of entries) {
        if (live(entry, at).length === 0) entries.delete(key);
      }
    }
    for (const key of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(key);
    }
  };

  const decide = (policy: RateLimitPolicy, id: string, count: boolean): StoreDecision => {
    const at = now();
    prune(at);
    const { limit, windowSeconds } = rateLimitPolicies[policy];
    const key = `${policy}:${id}`;
    const entry = entries.get(key) ?? { windowMs: windowSeconds * 1000, hits: [] };
    const hits = live(entry, at);
    if (hits.length >= limit) {
      // The oldest hit leaving the window frees the next slot.
      return { allowed: false, retryAfterMs: (hits[0] ?? at) + entry.windowMs - at };
    }
    if (!count) return { allowed: true, remaining: limit - hits.length };
    hits.push(at);
    entries.delete(key);
    entries.set(key, entry);
    prune(at);
    return { allowed: true, remaining: limit - hits.length };
  };

  return {
    consume: async (policy, id) => decide(policy, id, true),
    peek: async (policy, id) => decide(policy, id, false),
    reset: async (policy, id) => {
      entries.delete(`${policy}:${id}`);
    },
    // Synchronous, so no other check runs in between: the newest hit goes.
    refund: async (policy, id) => {
      entries.get(`${policy}:${id}`)?.hits.pop();
    },
    size: () => entries.size,
  };
}
