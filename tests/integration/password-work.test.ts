import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Argon2 from "@node-rs/argon2";
import { authMessages } from "@/lib/auth/flows/messages";

/**
 * Argon2 on demand for strangers: a reset link must be checked before any hash is made,
 * reset submissions are limited per IP, and the instance bounds its argon2 work, refusing
 * the excess with 503 while people signing in still get through.
 */

const argon2Calls = { hash: 0 };
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon2Calls.hash++;
      return real.hash(...args);
    },
  };
});

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers({ "x-real-ip": "203.0.113.60", "user-agent": "vitest" }),
}));

const ORIGIN = "http://localhost:3000";
let mailboxDir: string;

async function load() {
  // The mocked module first: importing it alongside its users can hand them the original.
  await import("@node-rs/argon2");
  const [{ db }, password, reset, tokens, signInRoute, requests, scope, chain] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/password"),
    import("@/lib/auth/flows/password-reset"),
    import("@/lib/auth/tokens"),
    import("@/app/api/account/sign-in/route"),
    import("@/lib/auth/flows/requests"),
    import("@/lib/actions/request-scope"),
    import("@/lib/actions/chain"),
  ]);
  const signUpRoute = await import("@/app/api/account/sign-up/route");
  return { db, password, reset, tokens, signInRoute, signUpRoute, requests, scope, chain };
}
let app: Awaited<ReturnType<typeof load>>;
let counter = 0;

async function userWithPassword(password: string) {
  const email = `work-${++counter}-${Date.now()}@example.test`;
  await app.db.user.create({
    data: {
      email,
      emailVerified: new Date(),
      passwordHash: await app.password.hashPassword(password),
    },
  });
  return email;
}

function signInRequest(email: string, password: string) {
  return new Request(`${ORIGIN}/api/account/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "x-real-ip": `192.0.2.${++counter % 250}`,
      "user-agent": "vitest",
    },
    body: JSON.stringify({ email, password }),
  });
}

/**
 * Fills every argon2 slot and the whole of one lane with work that waits for the test;
 * the returned function lets it all finish.
 */
function fillPasswordWork(lane: "verify" | "hash", laneSize: number): () => Promise<void> {
  const { passwordWork } = app.password;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const blockers: Promise<unknown>[] = [];
  for (;;) {
    const stats = passwordWork.stats();
    if (stats.running >= 4 && stats.waiting[lane] >= laneSize) break;
    blockers.push(passwordWork.run(lane, () => released).catch(() => undefined));
  }
  return async () => {
    release();
    await Promise.all(blockers);
  };
}

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-work-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
});

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

afterAll(async () => {
  await app.db.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("reset links before argon2", () => {
  it("a made-up reset link is refused without hashing the new password", async () => {
    const before = argon2Calls.hash;
    const result = await app.reset.resetPassword(
      { token: app.tokens.generateToken(), password: "a brand new passphrase" },
      { ipAddress: null, userAgent: null },
    );
    expect(result.ok).toBe(false);
    expect(argon2Calls.hash).toBe(before);
  });

  it("new-password submissions are limited per IP, with 429 and Retry-After", async () => {
    const submit = (ip: string) =>
      app.scope.withRequestHeaders(new Headers({ "x-real-ip": ip, "user-agent": "vitest" }), () =>
        app.requests.requestNewPassword({
          token: app.tokens.generateToken(),
          password: "a brand new passphrase",
        }),
      );
    const kindOf = (outcome: Awaited<ReturnType<typeof submit>>) =>
      outcome.ok ? "done" : outcome.status === 429 ? "limited" : outcome.error;
    const kinds: string[] = [];
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 11; attempt++) {
      const outcome = await submit("203.0.113.61");
      kinds.push(kindOf(outcome));
      if (!outcome.ok && outcome.status === 429) limited ??= app.chain.toResponse(outcome);
    }
    expect(kinds).toEqual([...Array(10).fill(authMessages.invalidLink), "limited"]);
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect(kindOf(await submit("203.0.113.62"))).toBe(authMessages.invalidLink);
  });
});

describe("bounded argon2 work", () => {
  it("a flood of hashes beyond the bound is refused as overloaded, and sign-in still succeeds", async () => {
    const email = await userWithPassword("the right passphrase");
    const flood = Array.from({ length: 40 }, (_, i) =>
      app.password.hashPassword(`flood password ${i}`).then(
        () => "hashed" as const,
        (error: unknown) => error,
      ),
    );
    const signIn = app.signInRoute.POST(signInRequest(email, "the right passphrase"));
    const outcomes = await Promise.all(flood);
    const refused = outcomes.filter((o) => o instanceof app.password.PasswordWorkOverloadedError);
    expect(refused.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "hashed").length).toBeGreaterThan(0);
    expect((await signIn).status).toBe(200);
  });

  it("when even sign-in checks cannot queue, sign-in answers 503 with Retry-After", async () => {
    const email = await userWithPassword("the right passphrase");
    const release = fillPasswordWork("verify", 64);
    try {
      const response = await app.signInRoute.POST(signInRequest(email, "the right passphrase"));
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await response.json()).error).toMatch(/try again/i);
    } finally {
      await release();
    }
    const after = await app.signInRoute.POST(signInRequest(email, "the right passphrase"));
    expect(after.status).toBe(200);
  });

  it("when new-password hashing cannot queue, sign-up answers 503 with Retry-After and keeps nothing", async () => {
    const release = fillPasswordWork("hash", 16);
    const email = `overloaded-${++counter}-${Date.now()}@example.test`;
    try {
      const response = await app.signUpRoute.POST(
        new Request(`${ORIGIN}/api/account/sign-up`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            "x-real-ip": `198.51.100.${++counter % 250}`,
            "user-agent": "vitest",
          },
          body: JSON.stringify({ name: "Under Load", email, password: "a long passphrase here" }),
        }),
      );
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await release();
    }
    // This address's job only: other files leave their own sign-ups in the shared database.
    const queued = await app.db.outboxMessage.count({
      where: { kind: "sign-up", payload: { path: ["email"], equals: email } },
    });
    const users = await app.db.user.count({ where: { email } });
    expect({ queued, users }).toEqual({ queued: 0, users: 0 });
  });
});
