import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";
import { adminDatabase } from "../support/admin-db";

// Audit rows are read back with the admin client: an account-level entry is visible only to
// its own actor's scope under row-level security, and these tests inspect what was stored.
let admin: ReturnType<typeof adminDatabase> | undefined;
const auditRows = () => (admin ??= adminDatabase());

/**
 * The account flows through their public doors (the JSON routes) and their library
 * functions, on a real database: what a user sees, and what an attacker probing for
 * accounts, replaying cookies or reusing links gets.
 */

// Work scheduled with after() runs when the test says so (the response is already out).
const afterTasks: (() => Promise<unknown> | unknown)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (task: () => Promise<unknown> | unknown) => void afterTasks.push(task),
}));

// The cookie jar of the "browser" making the requests.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0 || value === "") jar.delete(name);
      else jar.set(name, value);
    },
  }),
  headers: async () => new Headers({ "x-real-ip": "203.0.113.7", "user-agent": "vitest" }),
}));

const ORIGIN = "http://localhost:3000";
let mailboxDir: string;

async function load() {
  vi.resetModules();
  const [{ db }, signIn, signUp, reset, magic, signOut, store, tokens, verify] = await Promise.all([
    import("@/lib/db"),
    import("@/app/api/account/sign-in/route"),
    import("@/app/api/account/sign-up/route"),
    import("@/app/api/account/password-reset/route"),
    import("@/app/api/account/magic-link/route"),
    import("@/app/api/account/sign-out/route"),
    import("@/lib/auth/session-store"),
    import("@/lib/auth/tokens"),
    import("@/lib/auth/flows/verify-email"),
  ]);
  return { db, signIn, signUp, reset, magic, signOut, store, tokens, verify };
}
let app: Awaited<ReturnType<typeof load>>;

async function runAfterTasks() {
  while (afterTasks.length > 0) await afterTasks.shift()!();
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/account/x`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "x-real-ip": "203.0.113.7",
      "user-agent": "vitest",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function snapshotResponse(response: Response) {
  return {
    status: response.status,
    body: await response.text(),
    retryAfter: response.headers.get("retry-after"),
  };
}

const sessionCookie = () => jar.get("keel.session");

/** The last email queued to `to` with this template, and the token in its link. */
async function lastMail(to: string, template: string) {
  const rows = await app.db.outboxMessage.findMany({ orderBy: { createdAt: "desc" } });
  const row = rows.find((r) => {
    const payload = r.payload as { to: string; template: string };
    return payload.to === to && payload.template === template;
  });
  if (!row) return undefined;
  const payload = row.payload as { text: string; subject: string };
  const token = /token=([A-Za-z0-9_-]+)/.exec(payload.text)?.[1];
  return { ...payload, token };
}

async function createUser(email: string, password: string, verified = true) {
  const { hashPassword } = await import("@/lib/auth/password");
  return app.db.user.create({
    data: {
      email,
      name: email.split("@")[0],
      passwordHash: await hashPassword(password),
      emailVerified: verified ? new Date() : null,
    },
  });
}

let counter = 0;
/** A unique address per test, so rate limits and rows never collide across tests. */
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;
/** A unique client IP per test for the same reason. */
const uniqueIp = () => `198.51.100.${(counter % 250) + 1}`;

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-auth-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
});

beforeEach(() => {
  jar.clear();
  afterTasks.length = 0;
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});

afterAll(async () => {
  await app.db.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
  delete process.env.KEEL_MAILBOX_DIR;
});

describe("sign-up", () => {
  it("answers a new and a registered address byte for byte the same", async () => {
    const taken = uniqueEmail("taken");
    await createUser(taken, "an old password 1");
    const fresh = uniqueEmail("fresh");
    const ip = uniqueIp();

    const a = await snapshotResponse(
      await app.signUp.POST(
        post({ name: "Fresh", email: fresh, password: "a fresh passphrase" }, { "x-real-ip": ip }),
      ),
    );
    const b = await snapshotResponse(
      await app.signUp.POST(
        post({ name: "Taken", email: taken, password: "a fresh passphrase" }, { "x-real-ip": ip }),
      ),
    );

    expect(a.status).toBe(202);
    expect(b).toEqual(a);
    await runAfterTasks();
    // The new address got a verification link; the registered one a notice, not a second account.
    expect((await lastMail(fresh, "verifyEmail"))?.token).toBeTruthy();
    expect(await lastMail(taken, "accountExists")).toBeDefined();
    expect(await app.db.user.count({ where: { email: taken } })).toBe(1);
    const created = await app.db.user.findUniqueOrThrow({ where: { email: fresh } });
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    expect(created.emailVerified).toBeNull();
  });

  it("refuses a short or common password with a field message and writes nothing", async () => {
    const email = uniqueEmail("weak");
    const short = await app.signUp.POST(post({ name: "W", email, password: "short1" }));
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.password).toMatch(/at least 8/);
    const common = await app.signUp.POST(post({ name: "W", email, password: "password123" }));
    expect((await common.json()).fieldErrors.password).toMatch(/too common/);
    await runAfterTasks();
    expect(await app.db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses unknown fields, so nothing can be mass-assigned", async () => {
    const email = uniqueEmail("mass");
    const response = await app.signUp.POST(
      post({ name: "M", email, password: "a fresh passphrase", emailVerified: "2020-01-01" }),
    );
    expect(response.status).toBe(400);
    await runAfterTasks();
    expect(await app.db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a cross-origin or origin-less request", async () => {
    const email = uniqueEmail("csrf");
    const body = { name: "C", email, password: "a fresh passphrase" };
    expect((await app.signUp.POST(post(body, { origin: "https://evil.example" }))).status).toBe(
      403,
    );
    const noOrigin = post(body);
    noOrigin.headers.delete("origin");
    expect((await app.signUp.POST(noOrigin)).status).toBe(403);
  });

  it("answers 400 with a JSON body for a body that is not JSON", async () => {
    const request = new Request(`${ORIGIN}/api/account/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: "{not json",
    });
    const response = await app.signUp.POST(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty("error");
  });
});

describe("email verification", () => {
  it("confirms the address once, signs the user in, and the link is then dead", async () => {
    const email = uniqueEmail("verify");
    await app.signUp.POST(post({ name: "V", email, password: "a fresh passphrase" }));
    await runAfterTasks();
    const { token } = (await lastMail(email, "verifyEmail"))!;

    const first = await app.verify.confirmEmail(token!, { ipAddress: null, userAgent: null });
    expect(first.ok).toBe(true);
    expect(
      (await app.db.user.findUniqueOrThrow({ where: { email } })).emailVerified,
    ).toBeInstanceOf(Date);
    const second = await app.verify.confirmEmail(token!, { ipAddress: null, userAgent: null });
    expect(second.ok).toBe(false);
  });

  it("welcomes the user on the first confirmation only", async () => {
    const email = uniqueEmail("welcome");
    await app.signUp.POST(post({ name: "<b>Wendy</b>", email, password: "a fresh passphrase" }));
    await runAfterTasks();
    const welcomes = async () => {
      const rows = await app.db.outboxMessage.findMany({ where: { kind: "email" } });
      return rows
        .map((r) => r.payload as { to: string; template: string; subject: string; html: string })
        .filter((p) => p.to === email && p.template === "welcome");
    };
    expect(await welcomes()).toHaveLength(0);
    const { token } = (await lastMail(email, "verifyEmail"))!;
    expect((await app.verify.confirmEmail(token!, { ipAddress: null, userAgent: null })).ok).toBe(
      true,
    );
    const [welcome, ...more] = await welcomes();
    expect(more).toHaveLength(0);
    expect(welcome?.subject).toMatch(/^Welcome to /);
    expect(welcome?.html).toContain("&lt;b&gt;Wendy&lt;/b&gt;");

    // Another valid link for the already confirmed address sends nothing new.
    const user = await app.db.user.findUniqueOrThrow({ where: { email } });
    const again = await app.tokens.issueToken(app.db, {
      purpose: "EMAIL_VERIFICATION",
      email,
      userId: user.id,
    });
    expect(
      (await app.verify.confirmEmail(again.token, { ipAddress: null, userAgent: null })).ok,
    ).toBe(true);
    expect(await welcomes()).toHaveLength(1);
  });

  it("expires after 15 minutes", async () => {
    const email = uniqueEmail("late");
    await app.signUp.POST(post({ name: "L", email, password: "a fresh passphrase" }));
    await runAfterTasks();
    const { token } = (await lastMail(email, "verifyEmail"))!;
    const later = new Date(Date.now() + 15 * 60_000 + 1_000);
    expect(
      (await app.verify.confirmEmail(token!, { ipAddress: null, userAgent: null, now: later })).ok,
    ).toBe(false);
  });
});

describe("sign-in", () => {
  it("answers a wrong password and an unknown address byte for byte the same", async () => {
    const email = uniqueEmail("known");
    await createUser(email, "the right passphrase");
    const ip = uniqueIp();
    const known = await snapshotResponse(
      await app.signIn.POST(post({ email, password: "the wrong passphrase" }, { "x-real-ip": ip })),
    );
    const unknown = await snapshotResponse(
      await app.signIn.POST(
        post(
          { email: uniqueEmail("nobody"), password: "the wrong passphrase" },
          { "x-real-ip": ip },
        ),
      ),
    );
    expect(known.status).toBe(401);
    expect(unknown).toEqual(known);
    expect(JSON.parse(known.body)).toEqual({ error: "Email or password is incorrect." });
    expect(sessionCookie()).toBeUndefined();
  });

  it("sets a fresh session on success that the server recognises", async () => {
    const email = uniqueEmail("ok");
    const user = await createUser(email, "the right passphrase");
    const response = await app.signIn.POST(
      post({ email: email.toUpperCase(), password: "the right passphrase" }),
    );
    expect(response.status).toBe(200);
    const token = sessionCookie();
    expect(token).toBeTruthy();
    const session = await app.store.readSession(app.db, token!);
    expect(session?.user.id).toBe(user.id);
    // The database holds a hash of the cookie, never the cookie itself.
    expect(await app.db.session.count({ where: { sessionToken: token! } })).toBe(0);
    const audit = await auditRows().auditLog.findFirst({
      where: { actorId: user.id, action: "auth.sign_in" },
    });
    expect(audit).toMatchObject({ ipAddress: "203.0.113.7", userAgent: "vitest" });
  });

  it("locks the account after 10 failures with 429 and Retry-After, mails the owner once, and a reset lifts it", async () => {
    const email = uniqueEmail("locked");
    const user = await createUser(email, "the right passphrase");
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      // A different IP each time: the per-account limit holds on its own.
      const response = await app.signIn.POST(
        post(
          { email, password: `wrong guess ${attempt}` },
          { "x-real-ip": `192.0.2.${attempt + 1}` },
        ),
      );
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited!.json()).error).toMatch(/try again/i);

    // Even the right password is refused while locked.
    const right = await app.signIn.POST(
      post({ email, password: "the right passphrase" }, { "x-real-ip": "192.0.2.200" }),
    );
    expect(right.status).toBe(429);

    await runAfterTasks();
    const notices = await app.db.outboxMessage.findMany();
    expect(
      notices.filter(
        (n) =>
          (n.payload as { to: string; template: string }).template === "accountLocked" &&
          (n.payload as { to: string }).to === email,
      ),
    ).toHaveLength(1);
    expect(
      await auditRows().auditLog.count({ where: { actorId: user.id, action: "auth.lockout" } }),
    ).toBe(1);

    // The owner resets the password and is back in at once.
    await app.reset.POST(post({ email }, { "x-real-ip": "192.0.2.201" }));
    await runAfterTasks();
    const { token } = (await lastMail(email, "passwordReset"))!;
    const { resetPassword } = await import("@/lib/auth/flows/password-reset");
    expect(
      (
        await resetPassword(
          { token: token!, password: "a brand new passphrase" },
          { ipAddress: null, userAgent: null },
        )
      ).ok,
    ).toBe(true);
    const after = await app.signIn.POST(
      post({ email, password: "a brand new passphrase" }, { "x-real-ip": "192.0.2.202" }),
    );
    expect(after.status).toBe(200);
  });
});

describe("sessions", () => {
  it("a cookie captured before sign-out is worthless after it", async () => {
    const email = uniqueEmail("replay");
    await createUser(email, "the right passphrase");
    await app.signIn.POST(post({ email, password: "the right passphrase" }));
    const captured = sessionCookie()!;
    expect(await app.store.readSession(app.db, captured)).not.toBeNull();

    const response = await app.signOut.POST(post({}));
    expect(response.status).toBe(204);
    expect(sessionCookie()).toBeUndefined();
    expect(await app.store.readSession(app.db, captured)).toBeNull();
  });

  it("ends after the idle timeout and after the absolute timeout", async () => {
    const email = uniqueEmail("timeout");
    const user = await createUser(email, "the right passphrase");
    const { sessionPolicy, createSession, readSession } = app.store;
    const start = new Date();
    const idle = await createSession(app.db, { userId: user.id, now: start });
    expect(
      await readSession(
        app.db,
        idle.token,
        new Date(start.getTime() + sessionPolicy.idleMs - 1000),
      ),
    ).not.toBeNull();
    const fresh = await createSession(app.db, { userId: user.id, now: start });
    expect(
      await readSession(
        app.db,
        fresh.token,
        new Date(start.getTime() + sessionPolicy.idleMs + 1000),
      ),
    ).toBeNull();

    // Active every day, it still ends at the absolute limit.
    const busy = await createSession(app.db, { userId: user.id, now: start });
    let now = start.getTime();
    while (now + 24 * 3600_000 < start.getTime() + sessionPolicy.absoluteMs) {
      now += 24 * 3600_000;
      expect(await readSession(app.db, busy.token, new Date(now))).not.toBeNull();
    }
    expect(
      await readSession(
        app.db,
        busy.token,
        new Date(start.getTime() + sessionPolicy.absoluteMs + 1000),
      ),
    ).toBeNull();
  });

  it("ends every session of a disabled user", async () => {
    const email = uniqueEmail("disabled");
    const user = await createUser(email, "the right passphrase");
    const session = await app.store.createSession(app.db, { userId: user.id });
    await app.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await app.store.readSession(app.db, session.token)).toBeNull();
  });
});

describe("password reset", () => {
  it("answers a known and an unknown address byte for byte the same", async () => {
    const email = uniqueEmail("reset-known");
    await createUser(email, "the right passphrase");
    const ip = uniqueIp();
    const known = await snapshotResponse(
      await app.reset.POST(post({ email }, { "x-real-ip": ip })),
    );
    const unknown = await snapshotResponse(
      await app.reset.POST(post({ email: uniqueEmail("reset-nobody") }, { "x-real-ip": ip })),
    );
    expect(known.status).toBe(202);
    expect(unknown).toEqual(known);
  });

  it("uses a token once, kills older tokens, ends every session, and sends a notice", async () => {
    const email = uniqueEmail("reset");
    const user = await createUser(email, "the old passphrase");
    const other = await app.store.createSession(app.db, { userId: user.id });
    await app.reset.POST(post({ email }));
    await runAfterTasks();
    const older = (await lastMail(email, "passwordReset"))!.token!;
    await app.reset.POST(post({ email }));
    await runAfterTasks();
    const newer = (await lastMail(email, "passwordReset"))!.token!;
    expect(newer).not.toBe(older);

    const { resetPassword } = await import("@/lib/auth/flows/password-reset");
    const ctx = { ipAddress: null, userAgent: null };
    expect(
      (await resetPassword({ token: older, password: "a brand new passphrase" }, ctx)).ok,
    ).toBe(false);
    expect(
      (await resetPassword({ token: newer, password: "a brand new passphrase" }, ctx)).ok,
    ).toBe(true);
    expect(
      (await resetPassword({ token: newer, password: "another new passphrase" }, ctx)).ok,
    ).toBe(false);
    expect(await app.store.readSession(app.db, other.token)).toBeNull();
    expect(await lastMail(email, "passwordChanged")).toBeDefined();

    const oldPassword = await app.signIn.POST(post({ email, password: "the old passphrase" }));
    expect(oldPassword.status).toBe(401);
  });

  it("refuses a token after 15 minutes", async () => {
    const email = uniqueEmail("reset-late");
    await createUser(email, "the old passphrase");
    await app.reset.POST(post({ email }));
    await runAfterTasks();
    const { token } = (await lastMail(email, "passwordReset"))!;
    const { resetPassword } = await import("@/lib/auth/flows/password-reset");
    const later = new Date(Date.now() + 16 * 60_000);
    expect(
      (
        await resetPassword(
          { token: token!, password: "a brand new passphrase" },
          { ipAddress: null, userAgent: null, now: later },
        )
      ).ok,
    ).toBe(false);
  });
});

describe("magic link", () => {
  it("answers a known and an unknown address the same, and the link signs in once", async () => {
    const known = uniqueEmail("magic-known");
    await createUser(known, "whatever passphrase");
    const unknown = uniqueEmail("magic-new");
    const ip = uniqueIp();
    const a = await snapshotResponse(
      await app.magic.POST(post({ email: known }, { "x-real-ip": ip })),
    );
    const b = await snapshotResponse(
      await app.magic.POST(post({ email: unknown }, { "x-real-ip": ip })),
    );
    expect(a.status).toBe(202);
    expect(b).toEqual(a);
    await runAfterTasks();

    const { signInWithMagicLink } = await import("@/lib/auth/flows/magic-link");
    const ctx = { ipAddress: null, userAgent: null };
    const link = (await lastMail(unknown, "magicLink"))!.token!;
    const first = await signInWithMagicLink(link, ctx);
    expect(first.status).toBe("signed-in");
    // The click proved the address: the account exists and is verified.
    const created = await app.db.user.findUniqueOrThrow({ where: { email: unknown } });
    expect(created.emailVerified).toBeInstanceOf(Date);
    expect((await signInWithMagicLink(link, ctx)).status).toBe("invalid");
  });
});

describe("rate limits fail closed", () => {
  it("refuses sign-in, sign-up, reset and magic link with 503 and Retry-After when Redis is unreachable", async () => {
    const email = uniqueEmail("redis-down");
    await createUser(email, "the right passphrase");
    process.env.UPSTASH_REDIS_REST_URL = "http://127.0.0.1:6391";
    process.env.UPSTASH_REDIS_REST_TOKEN = "token-for-a-closed-port";
    // Each refusal is logged on purpose; keep the output readable.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    // The limiter is built once per process (kept on globalThis): start a new one.
    delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;
    const down = await load();
    try {
      const responses = [
        await down.signIn.POST(post({ email, password: "the right passphrase" })),
        await down.signUp.POST(
          post({ name: "R", email: uniqueEmail("r"), password: "a fresh passphrase" }),
        ),
        await down.reset.POST(post({ email })),
        await down.magic.POST(post({ email })),
      ];
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await response.json()).error).toMatch(/try again/i);
      }
      expect(sessionCookie()).toBeUndefined();
      expect(afterTasks).toHaveLength(0);
    } finally {
      delete process.env.UPSTASH_REDIS_REST_URL;
      delete process.env.UPSTASH_REDIS_REST_TOKEN;
      delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;
      app = await load();
    }
  });
});

describe("the lockout through Upstash", () => {
  it("counts failures in Redis through the real @upstash/ratelimit client", async () => {
    const { startUpstashProxy } = await import("../support/upstash-proxy");
    const proxy = await startUpstashProxy();
    const email = uniqueEmail("upstash-lock");
    await createUser(email, "the right passphrase");
    process.env.UPSTASH_REDIS_REST_URL = proxy.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = proxy.token;
    delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;
    const viaRedis = await load();
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++) {
        const response = await viaRedis.signIn.POST(
          post(
            { email, password: `wrong guess ${attempt}` },
            { "x-real-ip": `192.0.2.${100 + attempt}` },
          ),
        );
        statuses.push(response.status);
        if (response.status === 429)
          expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      expect(proxy.requests).toBeGreaterThan(0);
    } finally {
      delete process.env.UPSTASH_REDIS_REST_URL;
      delete process.env.UPSTASH_REDIS_REST_TOKEN;
      delete (globalThis as { keelRateLimiter?: unknown }).keelRateLimiter;
      app = await load();
      await proxy.close();
    }
  });
});
