import { describe, expect, it } from "vitest";
import { rateLimitMessage, rateLimitResponse } from "@/lib/rate-limit/response";

describe("rateLimitResponse", () => {
  it("answers 429 with Retry-After and a JSON error that says when to try again", async () => {
    const response = rateLimitResponse({ ok: false, reason: "limited", retryAfterSeconds: 840 });

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("840");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: "Too many attempts. Please try again in 14 minutes.",
    });
  });

  it("answers 503 when the limiter could not check, without blaming the user", async () => {
    const response = rateLimitResponse({ ok: false, reason: "unavailable", retryAfterSeconds: 30 });

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    const { error } = await response.json();
    expect(error).toBe("We can't process this right now. Please try again in 30 seconds.");
    expect(error).not.toMatch(/too many/i);
  });

  it("never sends a Retry-After below one whole second", () => {
    for (const retryAfterSeconds of [0, 0.2, -3]) {
      const response = rateLimitResponse({ ok: false, reason: "limited", retryAfterSeconds });
      expect(response.headers.get("retry-after")).toBe("1");
    }
    const fractional = rateLimitResponse({ ok: false, reason: "limited", retryAfterSeconds: 1.2 });
    expect(fractional.headers.get("retry-after")).toBe("2");
  });
});

describe("rateLimitMessage", () => {
  const wait = (retryAfterSeconds: number) =>
    rateLimitMessage({ ok: false, reason: "limited", retryAfterSeconds });

  it("rounds the wait up to a unit a person reads", () => {
    expect(wait(1)).toBe("Too many attempts. Please try again in 1 second.");
    expect(wait(59)).toBe("Too many attempts. Please try again in 59 seconds.");
    expect(wait(60)).toBe("Too many attempts. Please try again in 1 minute.");
    expect(wait(61)).toBe("Too many attempts. Please try again in 2 minutes.");
    expect(wait(3540)).toBe("Too many attempts. Please try again in 59 minutes.");
    expect(wait(3541)).toBe("Too many attempts. Please try again in 1 hour.");
    expect(wait(3600)).toBe("Too many attempts. Please try again in 1 hour.");
  });
});
