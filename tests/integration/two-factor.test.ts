import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabase } from "../support/admin-db";

// Audit rows are read back with the admin client: an account-level entry is visible only to
// its own actor's scope under row-level security, and these tests inspect what was stored.
let admin: ReturnType<typeof adminDatabase> | undefined;
const auditRows = () => (admin ??= adminDatabase());

/**
 * Two-factor authentication end to end on the database: setup, sign-in with a code or a
 * recovery code, replays, and turning it off.
 */

let mailboxDir: string;
const ctx = { ipAddress: "203.0.113.5", userAgent: "vitest" };

async function load() {
  const [{ db }, password, signIn, twoFactor, totp, store] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/password"),
    import("@/lib/auth/flows/sign-in"),
    import("@/lib/auth/flows/two-factor"),
    import("@/lib/auth/two-factor/totp"),
    import("@/lib/auth/session-store"),
  ]);
  return { db, ...password, ...signIn, ...twoFactor, ...totp, ...store };
}
let app: Awaited<ReturnType<typeof load>>;
let counter = 0;

/** A session signed in just now: changes to 2FA need a recent sign-in. */
const sessionFor = async (userId: string) =>
  (await app.createSession(app.db, { userId })).sessionId;

/** A user with 2FA on; returns the secret (read back from the setup URI) and recovery codes. */
async function userWithTwoFactor(start: Date) {
  const email = `2fa-${++counter}-${Date.now()}@example.test`;
  const user = await app.db.user.create({
    data: {
      email,
      emailVerified: new Date(),
      passwordHash: await app.hashPassword("the right passphrase"),
    },
  });
  const setup = (await app.beginTwoFactorSetup(user.id))!;
  const secret = new URL(setup.uri).searchParams.get("secret")!;
  const confirmed = await app.confirmTwoFactorSetup(
    {
      userId: user.id,
      sessionId: await sessionFor(user.id),
      code: app.currentTotp(secret, start.getTime()),
    },
    { ...ctx, now: start },
  );
  if (!confirmed.ok) throw new Error(confirmed.message);
  // The session that turned it on is not part of what the tests count.
  await app.db.session.deleteMany({ where: { userId: user.id } });
  return { user, email, secret, recoveryCodes: confirmed.recoveryCodes };
}

async function challenge(email: string) {
  const result = await app.signInWithPassword(
    { email, password: "the right passphrase" },
    { ...ctx, ipAddress: `192.0.2.${counter}` },
  );
  if (result.status !== "two-factor") throw new Error(`expected a challenge, got ${result.status}`);
  return result.challengeToken;
}

beforeAll(async () => {
  process.env.AUTH_SECRET = "an application secret for the two-factor tests";
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-2fa-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  app = await load();
});

afterAll(async () => {
  await app.db.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("two-factor setup", () => {
  it("stores the secret sealed, and turns on only after a valid code", async () => {
    const user = await app.db.user.create({
      data: { email: `setup-${Date.now()}@example.test`, emailVerified: new Date() },
    });
    const setup = (await app.beginTwoFactorSetup(user.id))!;
    expect(setup.qrSvg).toMatch(/^<svg/);
    const secret = new URL(setup.uri).searchParams.get("secret")!;
    const stored = await app.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.twoFactorSecret).toMatch(/^v1\./);
    expect(stored.twoFactorSecret).not.toContain(secret);

    expect(
      (
        await app.confirmTwoFactorSetup(
          { userId: user.id, sessionId: await sessionFor(user.id), code: "000000" },
          ctx,
        )
      ).ok,
    ).toBe(false);
    expect(
      (await app.db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabledAt,
    ).toBeNull();

    const confirmed = await app.confirmTwoFactorSetup(
      { userId: user.id, sessionId: await sessionFor(user.id), code: app.currentTotp(secret) },
      ctx,
    );
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    const rows = await app.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    // Only hashes are stored.
    for (const code of confirmed.recoveryCodes)
      expect(rows.some((r) => r.codeHash.includes(code))).toBe(false);
  });
});

describe("sign-in with two-factor", () => {
  it("asks for a code after the password, and signs in with the current one", async () => {
    const start = new Date(Date.now() - 120_000);
    const { user, email, secret } = await userWithTwoFactor(start);
    const token = await challenge(email);
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(0);

    const wrong = await app.completeTwoFactorChallenge(
      { challengeToken: token, code: "123456" },
      ctx,
    );
    expect(wrong.status).toBe("wrong-code");
    const right = await app.completeTwoFactorChallenge(
      { challengeToken: token, code: app.currentTotp(secret) },
      ctx,
    );
    expect(right.status).toBe("signed-in");
    if (right.status !== "signed-in") return;
    expect((await app.readSession(app.db, right.sessionToken))?.user.id).toBe(user.id);

    // The challenge is spent, and the same code cannot open a second challenge either.
    expect(
      (
        await app.completeTwoFactorChallenge(
          { challengeToken: token, code: app.currentTotp(secret) },
          ctx,
        )
      ).status,
    ).toBe("expired");
    const second = await challenge(email);
    expect(
      (
        await app.completeTwoFactorChallenge(
          { challengeToken: second, code: app.currentTotp(secret) },
          ctx,
        )
      ).status,
    ).toBe("wrong-code");
  });

  it("accepts each recovery code once", async () => {
    const { email, recoveryCodes } = await userWithTwoFactor(new Date(Date.now() - 120_000));
    const code = recoveryCodes[3]!;
    const first = await app.completeTwoFactorChallenge(
      { challengeToken: await challenge(email), code: code.toUpperCase() },
      ctx,
    );
    expect(first.status).toBe("signed-in");
    const again = await app.completeTwoFactorChallenge(
      { challengeToken: await challenge(email), code },
      ctx,
    );
    expect(again.status).toBe("wrong-code");
    expect(await app.remainingRecoveryCodes(first.status === "signed-in" ? first.userId : "")).toBe(
      9,
    );
  });

  it("expires the challenge after 10 minutes", async () => {
    const { email, secret } = await userWithTwoFactor(new Date(Date.now() - 120_000));
    const token = await challenge(email);
    const later = new Date(Date.now() + 10 * 60_000 + 1_000);
    const result = await app.completeTwoFactorChallenge(
      { challengeToken: token, code: app.currentTotp(secret, later.getTime()) },
      { ...ctx, now: later },
    );
    expect(result.status).toBe("expired");
  });

  it("limits guesses on a challenge", async () => {
    const { email } = await userWithTwoFactor(new Date(Date.now() - 120_000));
    const token = await challenge(email);
    const statuses: string[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push(
        (await app.completeTwoFactorChallenge({ challengeToken: token, code: "000000" }, ctx))
          .status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill("wrong-code"));
    expect(statuses[10]).toBe("limited");
  });
});

describe("recovery codes at rest", () => {
  const sha256 = (code: string) =>
    createHash("sha256").update(code.replace(/-/g, "")).digest("hex");

  it("are stored under a keyed hash bound to their user, so a copied row opens nothing", async () => {
    const start = new Date(Date.now() - 120_000);
    const a = await userWithTwoFactor(start);
    const b = await userWithTwoFactor(start);
    const rowsOfA = await app.db.recoveryCode.findMany({ where: { userId: a.user.id } });
    // Not the plain SHA-256 a leaked table could be matched against offline.
    for (const code of a.recoveryCodes)
      expect(rowsOfA.map((r) => r.codeHash)).not.toContain(sha256(code));

    // A's stored hashes planted on B's account do not let A's codes in as B.
    await app.db.recoveryCode.createMany({
      data: rowsOfA.map((r) => ({ userId: b.user.id, codeHash: r.codeHash })),
    });
    const attempt = await app.completeTwoFactorChallenge(
      { challengeToken: await challenge(b.email), code: a.recoveryCodes[0]! },
      ctx,
    );
    expect(attempt.status).toBe("wrong-code");
  });

  it("still accepts, once, a code stored in the earlier unkeyed format", async () => {
    const { user, email } = await userWithTwoFactor(new Date(Date.now() - 120_000));
    const legacy = "k7f3-9q2m-x4hv";
    await app.db.recoveryCode.create({ data: { userId: user.id, codeHash: sha256(legacy) } });
    const first = await app.completeTwoFactorChallenge(
      { challengeToken: await challenge(email), code: legacy },
      ctx,
    );
    expect(first.status).toBe("signed-in");
    const again = await app.completeTwoFactorChallenge(
      { challengeToken: await challenge(email), code: legacy },
      ctx,
    );
    expect(again.status).toBe("wrong-code");
  });
});

describe("turning two-factor off", () => {
  it("needs a fresh code, then removes the secret and the recovery codes", async () => {
    const start = new Date(Date.now() - 120_000);
    const { user, secret } = await userWithTwoFactor(start);
    // The code used to turn it on is not fresh.
    expect(
      (
        await app.disableTwoFactor(
          {
            userId: user.id,
            sessionId: await sessionFor(user.id),
            code: app.currentTotp(secret, start.getTime()),
          },
          ctx,
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await app.disableTwoFactor(
          { userId: user.id, sessionId: await sessionFor(user.id), code: app.currentTotp(secret) },
          ctx,
        )
      ).ok,
    ).toBe(true);
    const stored = await app.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ twoFactorEnabledAt: null, twoFactorSecret: null });
    expect(await app.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await auditRows().auditLog.count({
        where: { actorId: user.id, action: "auth.two_factor_disabled" },
      }),
    ).toBe(1);
  });
});

describe("other ways in still need the second factor", () => {
  it("a magic link for an account with 2FA ends in a challenge, not a session", async () => {
    const { user, email } = await userWithTwoFactor(new Date(Date.now() - 120_000));
    const { db } = app;
    const { sendMagicLink, signInWithMagicLink } = await import("@/lib/auth/flows/magic-link");
    const [outboxId] = await sendMagicLink(email, ctx);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: outboxId! } });
    const token = /token=([A-Za-z0-9_-]+)/.exec((row.payload as { text: string }).text)![1]!;
    const result = await signInWithMagicLink(token, ctx);
    expect(result.status).toBe("two-factor");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
