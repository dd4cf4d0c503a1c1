import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Password from "@/lib/auth/password";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";
import { startUpstashProxy, type UpstashProxy } from "../support/upstash-proxy";

/**
 * The per-account lockout under concurrency: an attacker firing many guesses at once must
 * get no more password checks than the lockout allows, whichever store counts them. And the
 * owner's own successful sign-ins must never add up to a lockout.
 */

// Every password check the sign-in runs, real or against the dummy hash, is counted.
const checks = { count: 0 };
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof Password>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      checks.count += 1;
      return real.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      checks.count += 1;
      return real.verifyAgainstDummy(password);
    },
  };
});

const forget = () => delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;

async function load() {
  vi.resetModules();
  // The limiter is built once per process from the environment: start a new one.
  forget();
  const [{ db }, { hashPassword }, { signInWithPassword }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/password"),
    import("@/lib/auth/flows/sign-in"),
  ]);
  return { db, hashPassword, signInWithPassword };
}
let app: Awaited<ReturnType<typeof load>>;

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

async function createUser(email: string, password: string) {
  return app.db.user.create({
    data: { email, emailVerified: new Date(), passwordHash: await app.hashPassword(password) },
  });
}

/** 50 wrong guesses at once, each from its own IP so only the account limit applies. */
async function concurrentGuesses(email: string) {
  checks.count = 0;
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
      app.signInWithPassword(
        { email, password: `wrong guess ${i}` },
        { ipAddress: `10.${counter}.0.${i + 1}`, userAgent: "vitest" },
      ),
    ),
  );
  const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : "error"));
  return { checks: checks.count, statuses };
}

const limit = rateLimitPolicies.signInAccount.limit;

function expectAtMostTheLimit(outcome: { checks: number; statuses: string[] }) {
  expect(outcome.checks).toBeLessThanOrEqual(limit);
  expect(outcome.statuses.filter((s) => s === "invalid").length).toBeLessThanOrEqual(limit);
  expect(outcome.statuses.filter((s) => s === "limited").length).toBeGreaterThanOrEqual(50 - limit);
  expect(outcome.statuses.every((s) => s === "invalid" || s === "limited")).toBe(true);
}

/**
 * The sliding window weighs the previous bucket: hits on both sides of a bucket edge are
 * not counted the same way. Start an exact-count test well clear of one.
 */
async function clearOfBucketEdge() {
  const windowMs = rateLimitPolicies.signInAccount.windowSeconds * 1000;
  const untilEdge = windowMs - (Date.now() % windowMs);
  if (untilEdge < 20_000) await new Promise((resolve) => setTimeout(resolve, untilEdge + 50));
}

async function signInsInARow(email: string, password: string, times: number) {
  const statuses: string[] = [];
  for (let i = 0; i < times; i++) {
    const result = await app.signInWithPassword(
      { email, password },
      { ipAddress: `198.51.100.${i + 1}`, userAgent: "vitest" },
    );
    statuses.push(result.status);
  }
  return statuses;
}

beforeAll(async () => {
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
});

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

afterAll(async () => {
  forget();
  await app.db.$disconnect();
});

describe("concurrent sign-in guesses with the memory store", () => {
  it("run at most the lockout's number of password checks for one account", async () => {
    const email = uniqueEmail("race-memory");
    await createUser(email, "the right passphrase");
    expectAtMostTheLimit(await concurrentGuesses(email));
  });

  it("count an unknown address the same way", async () => {
    expectAtMostTheLimit(await concurrentGuesses(uniqueEmail("race-unknown")));
  });

  it("never lock the owner out through their own successful sign-ins", async () => {
    const email = uniqueEmail("owner-memory");
    await createUser(email, "the right passphrase");
    const statuses = await signInsInARow(email, "the right passphrase", limit + 5);
    expect(statuses).toEqual(Array(limit + 5).fill("signed-in"));
  });
});

describe("concurrent sign-in guesses with the Upstash store", () => {
  let proxy: UpstashProxy;

  beforeAll(async () => {
    proxy = await startUpstashProxy();
    process.env.UPSTASH_REDIS_REST_URL = proxy.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = proxy.token;
    await app.db.$disconnect();
    app = await load();
  });

  afterAll(async () => {
    delete process.env.UPSTASH_REDIS_REST_URL;
    delete process.env.UPSTASH_REDIS_REST_TOKEN;
    await proxy.close();
  });

  it("run at most the lockout's number of password checks for one account", async () => {
    const email = uniqueEmail("race-upstash");
    await createUser(email, "the right passphrase");
    const before = proxy.requests;
    expectAtMostTheLimit(await concurrentGuesses(email));
    // The counting really went through Redis.
    expect(proxy.requests).toBeGreaterThan(before);
  });

  it("never lock the owner out through their own successful sign-ins", async () => {
    await clearOfBucketEdge();
    const email = uniqueEmail("owner-upstash");
    await createUser(email, "the right passphrase");
    const statuses = await signInsInARow(email, "the right passphrase", limit + 5);
    expect(statuses).toEqual(Array(limit + 5).fill("signed-in"));
    // And the failures that follow still lock the account after the full allowance.
    const failures = await signInsInARow(email, "a wrong passphrase", limit + 1);
    expect(failures).toEqual([...Array(limit).fill("invalid"), "limited"]);
  });
});
