import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env/schema";
import { consumeRateLimit, peekRateLimit, resetRateLimit } from "@/lib/rate-limit";
import { createRateLimiter, hashRateLimitKey } from "@/lib/rate-limit/limiter";
import type { RateLimitStore, StoreDecision } from "@/lib/rate-limit/types";
import { decisionFromLimit, UpstashTimeoutError } from "@/lib/rate-limit/upstash-store";

/** A store whose every operation does what `behave` says. */
function storeThat(behave: () => Promise<StoreDecision>): RateLimitStore {
  return {
    consume: behave,
    peek: behave,
    reset: async () => {
      await behave();
    },
    refund: async () => {
      await behave();
    },
  };
}

const unavailable = { ok: false, reason: "unavailable", retryAfterSeconds: 30 };

// The app's default limiter reads the environment: pin one without Upstash, whatever the shell has.
vi.mock("@/lib/env", () => ({ env: parseEnv({ NODE_ENV: "test" }) }));

afterEach(() => {
  vi.useRealTimers();
});

describe("rate limiter fails closed", () => {
  it("refuses as unavailable when the store throws, and logs why", async () => {
    const log = vi.fn();
    const failure = new Error("connect ECONNREFUSED 10.0.0.5:6379");
    const { consumeRateLimit, peekRateLimit } = createRateLimiter({
      store: storeThat(() => Promise.reject(failure)),
      log,
    });

    expect(await consumeRateLimit("signInIp", "198.51.100.7")).toEqual(unavailable);
    expect(await peekRateLimit("signInAccount", "ann@example.com")).toEqual(unavailable);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("signInIp"), failure);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("signInAccount"), failure);
  });

  it("refuses as unavailable when the store throws before returning a promise", async () => {
    const { consumeRateLimit } = createRateLimiter({
      store: storeThat(() => {
        throw new Error("misconfigured");
      }),
      log: () => {},
    });

    expect(await consumeRateLimit("signUp", "198.51.100.7")).toEqual(unavailable);
  });

  it("refuses as unavailable once the timeout passes, whatever the store is doing", async () => {
    vi.useFakeTimers();
    const log = vi.fn();
    const { consumeRateLimit } = createRateLimiter({
      store: storeThat(() => new Promise(() => {})),
      timeoutMs: 1_500,
      log,
    });

    const result = consumeRateLimit("twoFactor", "pending-1");
    await vi.advanceTimersByTimeAsync(1_499);
    expect(log).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(await result).toEqual(unavailable);
    expect(log).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ message: expect.stringContaining("1500 ms") }),
    );
  });

  it("does not throw when a reset fails, but logs it", async () => {
    const log = vi.fn();
    const { resetRateLimit } = createRateLimiter({
      store: storeThat(() => Promise.reject(new Error("down"))),
      log,
    });

    await expect(resetRateLimit("signInAccount", "ann@example.com")).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("reset failed"), expect.any(Error));
  });
});

describe("rate limiter results", () => {
  it("hands stores a hash of the normalized key, never the key itself", async () => {
    const seen: string[] = [];
    const store: RateLimitStore = {
      consume: async (_policy, id) => {
        seen.push(id);
        return { allowed: true, remaining: 1 };
      },
      peek: async () => ({ allowed: true, remaining: 1 }),
      reset: async () => {},
      refund: async () => {},
    };
    await createRateLimiter({ store }).consumeRateLimit("magicLink", " Ann@Example.com");

    expect(seen).toEqual([hashRateLimitKey("ann@example.com")]);
    expect(seen[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports whole seconds between 1 and the window, whatever the store says", async () => {
    const waits = [0, -5_000, 1, 1_001, 10 * 60 * 60 * 1000, Number.NaN];
    const results = [];
    for (const retryAfterMs of waits) {
      const { consumeRateLimit } = createRateLimiter({
        store: storeThat(async () => ({ allowed: false, retryAfterMs })),
      });
      results.push(await consumeRateLimit("signUp", "k"));
    }

    expect(results.map((r) => (r.ok ? null : r.retryAfterSeconds))).toEqual([1, 1, 1, 2, 3600, 1]);
  });
});

describe("reading @upstash/ratelimit answers", () => {
  const base = { limit: 5, pending: Promise.resolve() };

  it("treats the library's fail-open timeout as a failure", () => {
    expect(() =>
      decisionFromLimit({ ...base, success: true, remaining: 0, reset: 0, reason: "timeout" }, 0),
    ).toThrow(UpstashTimeoutError);
  });

  it("treats nonsense numbers as a failure rather than a decision", () => {
    expect(() =>
      decisionFromLimit({ ...base, success: false, remaining: Number.NaN, reset: 0 }, 0),
    ).toThrow();
  });

  it("passes allowed and limited answers through, with the wait until reset", () => {
    expect(
      decisionFromLimit({ ...base, success: true, remaining: 3, reset: 9_000 }, 1_000),
    ).toEqual({
      allowed: true,
      remaining: 3,
    });
    expect(
      decisionFromLimit({ ...base, success: false, remaining: 0, reset: 9_000 }, 1_000),
    ).toEqual({
      allowed: false,
      retryAfterMs: 8_000,
    });
  });
});

describe("the app's default limiter", () => {
  it("counts in process memory when Upstash is not configured", async () => {
    const user = randomUUID();
    for (let i = 2; i >= 0; i--) {
      expect(await consumeRateLimit("verificationEmail", user)).toEqual({ ok: true, remaining: i });
    }
    expect(await peekRateLimit("verificationEmail", user)).toMatchObject({
      ok: false,
      reason: "limited",
    });

    await resetRateLimit("verificationEmail", user);
    expect(await peekRateLimit("verificationEmail", user)).toEqual({ ok: true, remaining: 3 });
  });
});
