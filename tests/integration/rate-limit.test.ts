import { createHash, randomUUID } from "node:crypto";
import { Redis } from "@upstash/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter, type RateLimiterOptions } from "@/lib/rate-limit/limiter";
import { rateLimitPolicies, type RateLimitPolicy } from "@/lib/rate-limit/policies";
import { rateLimitResponse } from "@/lib/rate-limit/response";
import type { RateLimitRefusal, RateLimitResult } from "@/lib/rate-limit/types";
import { startUpstashProxy, type UpstashProxy } from "@/tests/support/upstash-proxy";

// Every check below goes through the real @upstash/ratelimit and @upstash/redis code,
// over HTTP, to the local Upstash-compatible proxy in front of Redis.

let proxy: UpstashProxy;

beforeAll(async () => {
  proxy = await startUpstashProxy();
});

afterEach(() => {
  proxy.setMode("ok");
});

afterAll(async () => {
  await proxy.close();
});

function limiter(options: Partial<RateLimiterOptions> = {}) {
  const log = vi.fn();
  return {
    log,
    ...createRateLimiter({
      store: { url: proxy.url, token: proxy.token },
      prefix: proxy.keyPrefix,
      log,
      ...options,
    }),
  };
}

/**
 * The sliding window counts per fixed bucket and weighs the previous one: hits on both
 * sides of a bucket edge are not counted the same way. Start a counting test well clear of one.
 */
async function clearOfBucketEdge(policy: RateLimitPolicy) {
  const windowMs = rateLimitPolicies[policy].windowSeconds * 1000;
  const untilEdge = windowMs - (Date.now() % windowMs);
  if (untilEdge < 5_000) await new Promise((resolve) => setTimeout(resolve, untilEdge + 50));
}

const email = () => `user-${randomUUID()}@example.com`;

function expectRefused(result: RateLimitResult, reason: RateLimitRefusal["reason"]) {
  expect(result).toEqual({ ok: false, reason, retryAfterSeconds: expect.any(Number) });
}

describe("rate limits on Upstash (through the REST proxy)", () => {
  it("allows exactly the policy's limit, then refuses with a wait within the window", async () => {
    await clearOfBucketEdge("signUp");
    const { consumeRateLimit } = limiter();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

    const allowed = [];
    for (let i = 0; i < rateLimitPolicies.signUp.limit; i++) {
      allowed.push(await consumeRateLimit("signUp", ip));
    }
    expect(allowed).toEqual([4, 3, 2, 1, 0].map((remaining) => ({ ok: true, remaining })));

    const refused = await consumeRateLimit("signUp", ip);
    expectRefused(refused, "limited");
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(rateLimitPolicies.signUp.windowSeconds);
    // Still refused: a refused attempt is not a way around the limit.
    expectRefused(await consumeRateLimit("signUp", ip), "limited");
  });

  it("keeps keys apart per key and per policy", async () => {
    await clearOfBucketEdge("verificationEmail");
    const { consumeRateLimit } = limiter();
    const [alice, bob] = [randomUUID(), randomUUID()];
    for (let i = 0; i < 3; i++) await consumeRateLimit("verificationEmail", alice);

    expectRefused(await consumeRateLimit("verificationEmail", alice), "limited");
    expect(await consumeRateLimit("verificationEmail", bob)).toEqual({ ok: true, remaining: 2 });
    expect(await consumeRateLimit("magicLink", alice)).toEqual({ ok: true, remaining: 4 });
  });

  it("lets exactly `limit` of 50 concurrent attempts through", async () => {
    await clearOfBucketEdge("signInIp");
    const { consumeRateLimit } = limiter();
    const ip = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 50 }, () => consumeRateLimit("signInIp", ip)),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(rateLimitPolicies.signInIp.limit);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(50 - rateLimitPolicies.signInIp.limit);
    for (const result of refused) expectRefused(result, "limited");
    // Every remaining count from 29 down to 0 was handed out once.
    const remaining = results.flatMap((r) => (r.ok ? [r.remaining] : [])).sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it("peeks without counting, and sees a locked account", async () => {
    await clearOfBucketEdge("signInAccount");
    const { consumeRateLimit, peekRateLimit } = limiter();
    const account = email();

    for (let i = 0; i < 3; i++) {
      expect(await peekRateLimit("signInAccount", account)).toEqual({ ok: true, remaining: 10 });
    }
    for (let i = 0; i < 10; i++)
      expect((await consumeRateLimit("signInAccount", account)).ok).toBe(true);

    const locked = await peekRateLimit("signInAccount", account);
    expectRefused(locked, "limited");
    if (locked.ok) return;
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(
      rateLimitPolicies.signInAccount.windowSeconds,
    );
  });

  it("forgets an account's failed sign-ins on reset, and only that account's", async () => {
    await clearOfBucketEdge("signInAccount");
    const { consumeRateLimit, peekRateLimit, resetRateLimit, log } = limiter();
    const [victim, other] = [email(), email()];
    for (let i = 0; i < 10; i++) {
      await consumeRateLimit("signInAccount", victim);
      await consumeRateLimit("signInAccount", other);
    }
    await consumeRateLimit("twoFactor", victim);
    expectRefused(await peekRateLimit("signInAccount", victim), "limited");

    await resetRateLimit("signInAccount", victim);

    expect(await peekRateLimit("signInAccount", victim)).toEqual({ ok: true, remaining: 10 });
    expect(await consumeRateLimit("signInAccount", victim)).toEqual({ ok: true, remaining: 9 });
    expectRefused(await peekRateLimit("signInAccount", other), "limited");
    expect(await peekRateLimit("twoFactor", victim)).toEqual({ ok: true, remaining: 9 });
    expect(log).not.toHaveBeenCalled();
  });

  it("gives back a counted hit on refund, and never goes below zero", async () => {
    await clearOfBucketEdge("signInAccount");
    const { consumeRateLimit, peekRateLimit, refundRateLimit, log } = limiter();
    const account = email();
    for (let i = 0; i < 10; i++) await consumeRateLimit("signInAccount", account);
    expectRefused(await peekRateLimit("signInAccount", account), "limited");

    await refundRateLimit("signInAccount", account);
    expect(await peekRateLimit("signInAccount", account)).toEqual({ ok: true, remaining: 1 });

    // Refunds past zero give nothing extra: an untouched key still allows exactly the limit.
    const fresh = email();
    for (let i = 0; i < 3; i++) await refundRateLimit("signInAccount", fresh);
    expect(await peekRateLimit("signInAccount", fresh)).toEqual({ ok: true, remaining: 10 });
    expect(log).not.toHaveBeenCalled();
  });

  it("stores hashed keys under the policy's prefix, never the email itself", async () => {
    const prefix = `${proxy.keyPrefix}:${randomUUID()}`;
    const { consumeRateLimit } = limiter({ prefix });
    const account = email();
    await consumeRateLimit("signInAccount", account);

    const redis = new Redis({ url: proxy.url, token: proxy.token, enableTelemetry: false });
    const keys = await redis.keys(`${prefix}:*`);
    const hash = createHash("sha256").update(account).digest("hex");
    expect(keys).toEqual([
      expect.stringMatching(new RegExp(`^${prefix}:signInAccount:${hash}:\\d+$`)),
    ]);
    expect(keys.join(" ")).not.toContain(account);
    expect(keys.join(" ")).not.toContain("example.com");
  });

  it("reuses the loaded script: one HTTP request per check after the first", async () => {
    const { consumeRateLimit } = limiter();
    await consumeRateLimit("magicLink", randomUUID());
    const before = proxy.requests;
    await consumeRateLimit("magicLink", randomUUID());
    await consumeRateLimit("magicLink", randomUUID());
    // EVALSHA of the client's hash hits the stripped script; a miss would add an EVAL each time.
    expect(proxy.requests - before).toBe(2);
  });
});

describe("failing closed", () => {
  it("refuses as unavailable when Redis is unreachable, after a single request", async () => {
    const { consumeRateLimit, peekRateLimit, log } = limiter();
    proxy.setMode("down");
    const before = proxy.requests;
    const started = performance.now();

    expectRefused(await consumeRateLimit("signInIp", randomUUID()), "unavailable");
    expect(performance.now() - started).toBeLessThan(5_000);
    // No retries with backoff: the default client policy would send six.
    expect(proxy.requests - before).toBe(1);
    expectRefused(await peekRateLimit("signInAccount", email()), "unavailable");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("signInIp"), expect.anything());
  });

  it("refuses as unavailable when the proxy is gone altogether", async () => {
    const gone = await startUpstashProxy();
    await gone.close();
    const { consumeRateLimit } = createRateLimiter({
      store: { url: gone.url, token: gone.token },
      log: () => {},
    });

    expectRefused(await consumeRateLimit("signUp", randomUUID()), "unavailable");
  });

  it("refuses as unavailable when Redis answers too slowly, within about the timeout", async () => {
    const { consumeRateLimit, peekRateLimit, resetRateLimit, log } = limiter({ timeoutMs: 1_500 });
    proxy.setMode("slow", { delayMs: 10_000 });
    const started = performance.now();

    const [consumed, peeked] = await Promise.all([
      consumeRateLimit("twoFactor", randomUUID()),
      peekRateLimit("signInAccount", email()),
      resetRateLimit("signInAccount", email()),
    ]);

    expect(performance.now() - started).toBeLessThan(5_000);
    expectRefused(consumed, "unavailable");
    expectRefused(peeked, "unavailable");
    expect(log).toHaveBeenCalledTimes(3);

    proxy.setMode("ok");
    expect(await consumeRateLimit("twoFactor", randomUUID())).toEqual({ ok: true, remaining: 9 });
  });

  it("refuses as unavailable when Redis answers with errors", async () => {
    const { consumeRateLimit, peekRateLimit } = limiter();
    proxy.setMode("error");

    expectRefused(await consumeRateLimit("passwordReset", email()), "unavailable");
    expectRefused(await peekRateLimit("passwordReset", email()), "unavailable");
  });

  it("refuses as unavailable with a wrong token", async () => {
    const { consumeRateLimit } = limiter({ store: { url: proxy.url, token: "not-the-token" } });

    expectRefused(await consumeRateLimit("signUp", randomUUID()), "unavailable");
  });
});

describe("responses for refused requests", () => {
  it("answers 429 with Retry-After and a message saying when to try again", async () => {
    await clearOfBucketEdge("verificationEmail");
    const { consumeRateLimit } = limiter();
    const user = randomUUID();
    for (let i = 0; i < 3; i++) await consumeRateLimit("verificationEmail", user);
    const refused = await consumeRateLimit("verificationEmail", user);
    if (refused.ok) throw new Error("expected a refusal");

    const response = rateLimitResponse(refused);

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String(refused.retryAfterSeconds));
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({
      error: expect.stringMatching(
        /^Too many attempts\. Please try again in \d+ (minute|hour|second)s?\.$/,
      ),
    });
  });

  it("answers 503 when the store is unavailable", async () => {
    const { consumeRateLimit } = limiter();
    proxy.setMode("down");
    const refused = await consumeRateLimit("signUp", randomUUID());
    if (refused.ok) throw new Error("expected a refusal");

    const response = rateLimitResponse(refused);

    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toEqual({
      error: expect.stringContaining("Please try again in"),
    });
  });
});

describe("the Upstash REST proxy", () => {
  const values = ["Zoë — 東京 🔑", "OK", "T0s=", "", '{"json":true}', "42"];

  it("round-trips values through the base64 encoding the client asks for", async () => {
    // Values compared as stored: no JSON parsing of "42" or "{...}" on the way back.
    const redis = new Redis({
      url: proxy.url,
      token: proxy.token,
      enableTelemetry: false,
      automaticDeserialization: false,
    });
    const keys = values.map((_, i) => `${proxy.keyPrefix}:value:${i}`);

    for (const [i, key] of keys.entries()) expect(await redis.set(key, values[i])).toBe("OK");
    for (const [i, key] of keys.entries()) expect(await redis.get(key)).toEqual(values[i]);
    expect(await redis.mget(...keys)).toEqual(values);

    const pipeline = redis.pipeline();
    pipeline.set(`${proxy.keyPrefix}:p`, values[0]);
    pipeline.get(`${proxy.keyPrefix}:p`);
    pipeline.incr(`${proxy.keyPrefix}:n`);
    expect(await pipeline.exec()).toEqual(["OK", values[0], 1]);

    const transaction = redis.multi();
    transaction.incr(`${proxy.keyPrefix}:n`);
    transaction.get(`${proxy.keyPrefix}:p`);
    expect(await transaction.exec()).toEqual([2, values[0]]);
  });

  it("encodes replies only when the client sends Upstash-Encoding: base64", async () => {
    const key = `${proxy.keyPrefix}:raw`;
    const post = (encoding: boolean) =>
      fetch(proxy.url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${proxy.token}`,
          ...(encoding ? { "upstash-encoding": "base64" } : {}),
        },
        body: JSON.stringify(["GET", key]),
      }).then((r) => r.json());
    await new Redis({ url: proxy.url, token: proxy.token, enableTelemetry: false }).set(key, "Zoë");

    expect(await post(true)).toEqual({ result: Buffer.from("Zoë").toString("base64") });
    expect(await post(false)).toEqual({ result: "Zoë" });
  });

  it("refuses requests without the token", async () => {
    const response = await fetch(proxy.url, {
      method: "POST",
      headers: { authorization: "Bearer wrong" },
      body: JSON.stringify(["PING"]),
    });

    expect(response.status).toBe(401);
  });
});
