import { describe, expect, it } from "vitest";
import { retryDelayMs, retryPolicy } from "@/lib/jobs/backoff";

const noJitter = () => 0;
const fullJitter = () => 0.999_999;

describe("retryDelayMs", () => {
  it("starts at 30 s and doubles with each attempt", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, noJitter));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  it("is capped at one hour, even for absurd attempt counts", () => {
    expect(retryDelayMs(8, noJitter)).toBe(60 * 60_000);
    expect(retryDelayMs(50, noJitter)).toBe(60 * 60_000);
    expect(retryDelayMs(10_000, noJitter)).toBe(60 * 60_000);
    expect(Number.isFinite(retryDelayMs(Number.MAX_SAFE_INTEGER, noJitter))).toBe(true);
  });

  it("never decreases from one attempt to the next at the same jitter", () => {
    for (const random of [noJitter, () => 0.5, fullJitter]) {
      for (let attempt = 1; attempt < 20; attempt++) {
        expect(retryDelayMs(attempt + 1, random)).toBeGreaterThanOrEqual(
          retryDelayMs(attempt, random),
        );
      }
    }
  });

  it("takes at most 20 % off at random and never exceeds the cap", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = retryDelayMs(attempt, noJitter);
      for (let i = 0; i < 50; i++) {
        const delay = retryDelayMs(attempt);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.8));
        expect(delay).toBeLessThanOrEqual(retryPolicy.maxDelayMs);
      }
    }
    expect(retryDelayMs(1, fullJitter)).toBe(24_000);
  });

  it("spreads messages that failed together", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(1);
  });

  it("treats attempt 0 or less like the first attempt", () => {
    expect(retryDelayMs(0, noJitter)).toBe(30_000);
    expect(retryDelayMs(-3, noJitter)).toBe(30_000);
  });

  it("gives a message about an hour of retries before it is dead", () => {
    let total = 0;
    for (let attempt = 1; attempt < retryPolicy.maxAttempts; attempt++) {
      total += retryDelayMs(attempt, noJitter);
    }
    expect(retryPolicy.maxAttempts).toBe(8);
    expect(total).toBeGreaterThan(60 * 60_000);
    expect(total).toBeLessThan(3 * 60 * 60_000);
  });
});
