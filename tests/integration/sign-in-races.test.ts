import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as PasswordModule from "@/lib/auth/password";

/**
 * A sign-in that checked the old password must not end in a session once the password
 * changed (or was reset) before its session was created: the change already ended every
 * other session, and a late one would outlive it. The interleaving is forced, not hoped
 * for: the password check runs the change right after it accepts the old password.
 */

let afterCorrectPassword: (() => Promise<void>) | null = null;
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return {
    ...real,
    verifyPassword: async (storedHash: string, password: string) => {
      const ok = await real.verifyPassword(storedHash, password);
      const hook = afterCorrectPassword;
      if (ok && hook) {
        afterCorrectPassword = null;
        await hook();
      }
      return ok;
    },
  };
});

let mailboxDir: string;
const ctx = { ipAddress: "203.0.113.21", userAgent: "vitest" };

async function load() {
  // The mocked module first: importing it alongside its users can hand them the original.
  const password = await import("@/lib/auth/password");
  const [{ db }, signIn, changePassword, reset, store, twoFactor, totp] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/flows/sign-in"),
    import("@/lib/auth/flows/change-password"),
    import("@/lib/auth/flows/password-reset"),
    import("@/lib/auth/session-store"),
    import("@/lib/auth/flows/two-factor"),
    import("@/lib/auth/two-factor/totp"),
  ]);
  return { db, password, signIn, changePassword, reset, store, twoFactor, totp };
}
let app: Awaited<ReturnType<typeof load>>;
let counter = 0;

async function ownerWithSession() {
  const email = `race-${++counter}-${Date.now()}@example.test`;
  const user = await app.db.user.create({
    data: {
      email,
      emailVerified: new Date(),
      passwordHash: await app.password.hashPassword("the old passphrase"),
    },
  });
  const session = await app.store.createSession(app.db, { userId: user.id });
  return { user, email, session };
}

/** Every session of the user that still opens, besides `keep`. */
async function liveSessionsBesides(userId: string, keep: string | null) {
  const rows = await app.db.session.findMany({ where: { userId } });
  return rows.filter((row) => row.id !== keep).length;
}

beforeAll(async () => {
  process.env.AUTH_SECRET = "an application secret for the race tests";
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-race-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await load();
});

afterAll(async () => {
  await app.db.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("sign-ins in flight when the password changes", () => {
  it("a sign-in that checked the old password gets no session after a password change", async () => {
    const { user, email, session } = await ownerWithSession();
    afterCorrectPassword = async () => {
      const changed = await app.changePassword.changePassword(
        {
          userId: user.id,
          sessionId: session.sessionId,
          currentPassword: "the old passphrase",
          newPassword: "the new passphrase",
        },
        ctx,
      );
      expect(changed.ok).toBe(true);
    };
    const late = await app.signIn.signInWithPassword(
      { email, password: "the old passphrase" },
      { ...ctx, ipAddress: `192.0.2.${counter}` },
    );
    expect(afterCorrectPassword).toBeNull();
    expect(late.status).toBe("invalid");
    expect(await liveSessionsBesides(user.id, session.sessionId)).toBe(0);
    // The owner's own session, the one that made the change, stays.
    expect(await app.store.readSession(app.db, session.token)).not.toBeNull();
  });

  it("a sign-in that checked the old password gets no session after a reset", async () => {
    const { user, email } = await ownerWithSession();
    await app.reset.sendPasswordReset(email, ctx);
    const mail = await app.db.outboxMessage.findFirstOrThrow({
      where: { payload: { path: ["to"], equals: email } },
      orderBy: { createdAt: "desc" },
    });
    const token = /token=([A-Za-z0-9_-]+)/.exec((mail.payload as { text: string }).text)![1]!;
    afterCorrectPassword = async () => {
      const reset = await app.reset.resetPassword({ token, password: "the new passphrase" }, ctx);
      expect(reset.ok).toBe(true);
    };
    const late = await app.signIn.signInWithPassword(
      { email, password: "the old passphrase" },
      { ...ctx, ipAddress: `192.0.2.${counter}` },
    );
    expect(late.status).toBe("invalid");
    expect(await liveSessionsBesides(user.id, null)).toBe(0);
  });

  it("many sign-ins racing a change: none of those that checked the old password keeps a session", async () => {
    const { user, email, session } = await ownerWithSession();
    // The first sign-in to pass the check changes the password; the others are mid-flight.
    afterCorrectPassword = async () => {
      await app.changePassword.changePassword(
        {
          userId: user.id,
          sessionId: session.sessionId,
          currentPassword: "the old passphrase",
          newPassword: "the new passphrase",
        },
        ctx,
      );
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.signIn.signInWithPassword(
          { email, password: "the old passphrase" },
          { ...ctx, ipAddress: `192.0.2.${100 + i}` },
        ),
      ),
    );
    const stale = await app.db.session.findMany({
      where: { userId: user.id, id: { not: session.sessionId } },
    });
    // Sign-ins that finished before the change got sessions the change then ended; the one
    // that ran the change, and any still in flight, got none.
    expect(stale).toHaveLength(0);
    expect(results.some((r) => r.status === "invalid")).toBe(true);
  });

  it("a second-factor challenge opened with the old password dies with the change", async () => {
    const { user, email, session } = await ownerWithSession();
    const setup = (await app.twoFactor.beginTwoFactorSetup(user.id))!;
    const secret = new URL(setup.uri).searchParams.get("secret")!;
    const start = new Date(Date.now() - 120_000);
    const on = await app.twoFactor.confirmTwoFactorSetup(
      {
        userId: user.id,
        sessionId: session.sessionId,
        code: app.totp.currentTotp(secret, start.getTime()),
      },
      { ...ctx, now: start },
    );
    expect(on.ok).toBe(true);
    const first = await app.signIn.signInWithPassword(
      { email, password: "the old passphrase" },
      { ...ctx, ipAddress: `192.0.2.${counter}` },
    );
    expect(first.status).toBe("two-factor");
    const changed = await app.changePassword.changePassword(
      {
        userId: user.id,
        sessionId: session.sessionId,
        currentPassword: "the old passphrase",
        newPassword: "the new passphrase",
      },
      ctx,
    );
    expect(changed.ok).toBe(true);
    const second = await app.twoFactor.completeTwoFactorChallenge(
      {
        challengeToken: first.status === "two-factor" ? first.challengeToken : "",
        code: app.totp.currentTotp(secret),
      },
      ctx,
    );
    expect(second.status).not.toBe("signed-in");
    expect(await liveSessionsBesides(user.id, session.sessionId)).toBe(0);
  });
});
