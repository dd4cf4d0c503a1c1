import "server-only";

import { rateLimitPolicies, type RateLimitPolicy } from "./policies";
import type { RateLimitStore, StoreDecision } from "./types";

export type MemoryStoreOptions = {
  now?: () => number;
  maxKeys?: number;
  sweepIntervalMs?: number;
};

export type MemoryStore = RateLimitStore & {
  size(): number;
};

type Entry = { windowMs: number; hits: number[] };

// Past maxKeys the stalest keys go: key spraying resets counts, so production uses Upstash.
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
    refund: async (policy, id) => {
      entries.get(`${policy}:${id}`)?.hits.pop();
    },
    size: () => entries.size,
  };
}
