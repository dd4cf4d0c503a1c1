import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { createMemoryStore } from "@/lib/rate-limit/memory-store";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** A limiter on the memory store with a clock the test moves by hand. */
function memoryLimiter(start = Date.UTC(2026, 0, 1, 12, 7, 13)) {
  const clock = { now: start };
  const limiter = createRateLimiter({ store: "memory", now: () => clock.now, log: () => {} });
  return { ...limiter, clock, advance: (ms: number) => void (clock.now += ms) };
}

describe("memory rate-limit store", () => {
  it("allows exactly the limit, then refuses until the oldest hit leaves the window", async () => {
    const { consumeRateLimit, advance } = memoryLimiter();
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await consumeRateLimit("signUp", "198.51.100.7"));
      advance(SECOND);
    }
    expect(results).toEqual([4, 3, 2, 1, 0].map((remaining) => ({ ok: true, remaining })));

    advance(10 * SECOND);
    // First hit at t=0, now t=15 s, window 1 h: it frees a slot in 3585 s.
    expect(await consumeRateLimit("signUp", "198.51.100.7")).toEqual({
      ok: false,
      reason: "limited",
      retryAfterSeconds: 3600 - 15,
    });
  });

  it("counts in a sliding window: a slot frees up exactly when a hit is an hour old", async () => {
    const { consumeRateLimit, peekRateLimit, advance } = memoryLimiter();
    for (let i = 0; i < 3; i++) {
      await consumeRateLimit("verificationEmail", "user-1");
      advance(10 * MINUTE);
    }
    // t = 30 min; the hits were at 0, 10 and 20 min.
    advance(30 * MINUTE - 1);
    expect(await peekRateLimit("verificationEmail", "user-1")).toEqual({
      ok: false,
      reason: "limited",
      retryAfterSeconds: 1,
    });

    advance(1);
    expect(await consumeRateLimit("verificationEmail", "user-1")).toEqual({
      ok: true,
      remaining: 0,
    });
    expect(await consumeRateLimit("verificationEmail", "user-1")).toEqual({
      ok: false,
      reason: "limited",
      retryAfterSeconds: 10 * 60,
    });

    advance(60 * MINUTE);
    expect(await peekRateLimit("verificationEmail", "user-1")).toEqual({ ok: true, remaining: 3 });
  });

  it("does not count refused attempts: hammering does not extend the lockout", async () => {
    const { consumeRateLimit, advance } = memoryLimiter();
    for (let i = 0; i < 10; i++) await consumeRateLimit("signInAccount", "ann@example.com");
    for (let i = 0; i < 100; i++) {
      advance(5 * SECOND);
      await consumeRateLimit("signInAccount", "ann@example.com");
    }
    advance(15 * MINUTE - 500 * SECOND);
    expect(await consumeRateLimit("signInAccount", "ann@example.com")).toMatchObject({ ok: true });
  });

  it("peeks without counting", async () => {
    const { consumeRateLimit, peekRateLimit } = memoryLimiter();
    for (let i = 0; i < 20; i++) {
      expect(await peekRateLimit("twoFactor", "pending-1")).toEqual({ ok: true, remaining: 10 });
    }
    for (let i = 9; i >= 0; i--) {
      expect(await consumeRateLimit("twoFactor", "pending-1")).toEqual({ ok: true, remaining: i });
    }
    expect(await peekRateLimit("twoFactor", "pending-1")).toMatchObject({
      ok: false,
      reason: "limited",
    });
  });

  it("forgets a key on reset, and only that key under that policy", async () => {
    const { consumeRateLimit, peekRateLimit, resetRateLimit } = memoryLimiter();
    for (const key of ["ann@example.com", "bob@example.com"]) {
      for (let i = 0; i < 10; i++) await consumeRateLimit("signInAccount", key);
    }
    await consumeRateLimit("twoFactor", "ann@example.com");

    await resetRateLimit("signInAccount", "ann@example.com");

    expect(await consumeRateLimit("signInAccount", "ann@example.com")).toEqual({
      ok: true,
      remaining: 9,
    });
    expect(await peekRateLimit("signInAccount", "bob@example.com")).toMatchObject({ ok: false });
    expect(await peekRateLimit("twoFactor", "ann@example.com")).toEqual({ ok: true, remaining: 9 });
  });

  it("keeps policies and keys apart, but not case or surrounding spaces of a key", async () => {
    const { consumeRateLimit } = memoryLimiter();
    for (let i = 0; i < 5; i++) await consumeRateLimit("passwordReset", "ann@example.com");

    expect(await consumeRateLimit("passwordReset", " Ann@Example.COM ")).toMatchObject({
      ok: false,
      reason: "limited",
    });
    expect(await consumeRateLimit("magicLink", "ann@example.com")).toEqual({
      ok: true,
      remaining: 4,
    });
    expect(await consumeRateLimit("passwordReset", "ann@example.co")).toEqual({
      ok: true,
      remaining: 4,
    });
  });

  it("asks for a full window when every hit is fresh, for every policy", async () => {
    const { consumeRateLimit } = memoryLimiter();
    for (const [policy, { limit, windowSeconds }] of Object.entries(rateLimitPolicies)) {
      const name = policy as keyof typeof rateLimitPolicies;
      for (let i = 0; i < limit; i++) await consumeRateLimit(name, "k");
      expect(await consumeRateLimit(name, "k")).toEqual({
        ok: false,
        reason: "limited",
        retryAfterSeconds: windowSeconds,
      });
    }
  });
});

describe("memory store pruning", () => {
  it("drops keys whose hits have all expired", async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now, sweepIntervalMs: MINUTE });
    for (let i = 0; i < 1_000; i++) await store.consume("signInIp", `ip-${i}`);
    expect(store.size()).toBe(1_000);

    now += 15 * MINUTE;
    await store.consume("signInIp", "fresh");

    expect(store.size()).toBe(1);
  });

  it("gives back the newest hit on refund, and never goes below zero", async () => {
    const { consumeRateLimit, peekRateLimit, refundRateLimit } = memoryLimiter();
    for (let i = 0; i < 10; i++) await consumeRateLimit("signInAccount", "ann@example.com");
    expect(await peekRateLimit("signInAccount", "ann@example.com")).toMatchObject({ ok: false });

    await refundRateLimit("signInAccount", "ann@example.com");
    expect(await peekRateLimit("signInAccount", "ann@example.com")).toEqual({
      ok: true,
      remaining: 1,
    });

    for (let i = 0; i < 3; i++) await refundRateLimit("signInAccount", "bob@example.com");
    expect(await peekRateLimit("signInAccount", "bob@example.com")).toEqual({
      ok: true,
      remaining: 10,
    });
  });

  it("keeps a key that still has hits in its window", async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now, sweepIntervalMs: MINUTE });
    await store.consume("signUp", "hour-window");
    await store.consume("twoFactor", "quarter-window");

    now += 20 * MINUTE;
    await store.consume("signInIp", "other");

    expect(store.size()).toBe(2);
    expect(await store.peek("signUp", "hour-window")).toEqual({ allowed: true, remaining: 4 });
  });

  it("never holds more than maxKeys, forgetting the least recently hit first", async () => {
    const store = createMemoryStore({ now: () => 0, maxKeys: 100 });
    for (let i = 0; i < 10; i++) await store.consume("signInAccount", "target");
    for (let i = 0; i < 99; i++) await store.consume("signInIp", `spray-${i}`);
    expect(store.size()).toBe(100);
    expect(await store.peek("signInAccount", "target")).toMatchObject({ allowed: false });

    for (let i = 99; i < 500; i++) await store.consume("signInIp", `spray-${i}`);

    expect(store.size()).toBe(100);
    expect(await store.peek("signInIp", "spray-499")).toEqual({ allowed: true, remaining: 29 });
    expect(await store.peek("signInIp", "spray-0")).toEqual({ allowed: true, remaining: 30 });
  });
});
