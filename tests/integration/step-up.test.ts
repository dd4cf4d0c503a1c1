import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/session-store";
import { currentTotp } from "@/lib/auth/two-factor/totp";
import { deleteOrganizationAction, transferOwnershipAction } from "@/lib/organizations/actions";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

/**
 * Step-up for dangerous changes: with a stolen session cookie alone (a session that has
 * not signed in or confirmed it is the owner in the last 10 minutes), turning 2FA on or
 * off, changing the password or the address, deleting the account or an organization and
 * handing an organization over are refused and change nothing. And every check of a
 * current password or an authenticator code from a session is rate-limited per user.
 */

// Read when the environment module loads, which the imports above already do.
vi.hoisted(() => {
  process.env.AUTH_SECRET = "an application secret for the step-up tests";
});
vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
const MINUTE = 60_000;
const PASSWORD = "the current passphrase";
const ctx = { ipAddress: "203.0.113.11", userAgent: "vitest" };
const at = (time: number) => ({ ...ctx, now: new Date(time) });
let mailboxDir: string;

async function flows() {
  const [password, email, twoFactor, deletion] = await Promise.all([
    import("@/lib/auth/flows/change-password"),
    import("@/lib/auth/flows/change-email"),
    import("@/lib/auth/flows/two-factor"),
    import("@/lib/account/delete-account"),
  ]);
  return { ...password, ...email, ...twoFactor, ...deletion };
}
let app: Awaited<ReturnType<typeof flows>>;

/** "Confirm it's you" (the function is looked up late: on old code it does not exist). */
async function confirmItsMe(
  input: { userId: string; sessionId: string; password?: string; code?: string },
  now: number,
) {
  const { reauthenticate } = await import("@/lib/auth/flows/reauthenticate");
  return reauthenticate(input, at(now));
}

let counter = 0;
/** A user with a password and a session that signed in at `signedInAt`. */
async function signedIn(label: string, signedInAt = Date.now()) {
  const user = await admin.user.create({
    data: {
      email: `${label}-${++counter}-${Date.now()}@example.test`,
      name: label,
      emailVerified: new Date(),
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  const session = await createSession(admin, { userId: user.id, now: new Date(signedInAt) });
  return { user, userId: user.id, sessionId: session.sessionId, token: session.token };
}

/** A signed-in user with 2FA on; its secret for making codes. */
async function withTwoFactor(label: string, signedInAt: number) {
  const who = await signedIn(label, signedInAt);
  const setup = (await app.beginTwoFactorSetup(who.userId))!;
  const secret = new URL(setup.uri).searchParams.get("secret")!;
  const on = await app.confirmTwoFactorSetup(
    { userId: who.userId, sessionId: who.sessionId, code: currentTotp(secret, signedInAt) },
    at(signedInAt),
  );
  expect(on.ok).toBe(true);
  return { ...who, secret };
}

const refusal = { status: 403, code: "reauthentication_required" };

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-step-up-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  // The per-user budgets are counted in this process.
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  app = await flows();
});

afterAll(async () => {
  await admin.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
  delete process.env.KEEL_MAILBOX_DIR;
});

describe("dangerous account changes need a recent sign-in", () => {
  it("changing the password: refused 10+ minutes after sign-in, allowed after confirming, refused again later", async () => {
    const start = Date.now();
    const who = await signedIn("pw", start);
    const change = (now: number, newPassword: string) =>
      app.changePassword(
        { userId: who.userId, sessionId: who.sessionId, currentPassword: PASSWORD, newPassword },
        at(now),
      );
    const hashBefore = who.user.passwordHash;

    await expect(change(start + 11 * MINUTE, "a stolen new passphrase")).rejects.toMatchObject(
      refusal,
    );
    const unchanged = await admin.user.findUniqueOrThrow({ where: { id: who.userId } });
    expect(unchanged.passwordHash).toBe(hashBefore);

    expect(await confirmItsMe({ ...who, password: PASSWORD }, start + 11 * MINUTE)).toEqual({
      ok: true,
    });
    expect(await change(start + 12 * MINUTE, "an owner's new passphrase")).toMatchObject({
      ok: true,
    });

    await expect(change(start + 22 * MINUTE, "another stolen passphrase")).rejects.toMatchObject(
      refusal,
    );
  });

  it("changing the address: refused without a recent sign-in, and no link is sent", async () => {
    const start = Date.now();
    const who = await signedIn("mail", start);
    const newEmail = `new-${counter}-${Date.now()}@example.test`;
    const request = (now: number) =>
      app.requestEmailChange(
        { userId: who.userId, sessionId: who.sessionId, newEmail, currentPassword: PASSWORD },
        at(now),
      );

    await expect(request(start + 11 * MINUTE)).rejects.toMatchObject(refusal);
    expect(await admin.authToken.count({ where: { userId: who.userId } })).toBe(0);

    expect(await confirmItsMe({ ...who, password: PASSWORD }, start + 11 * MINUTE)).toEqual({
      ok: true,
    });
    expect(await request(start + 20 * MINUTE)).toMatchObject({ ok: true });
    await expect(request(start + 21 * MINUTE + 1)).rejects.toMatchObject(refusal);
  });

  it("turning 2FA off: refused without a recent sign-in even with a right code; a code confirms", async () => {
    const start = Date.now();
    const who = await withTwoFactor("2fa-off", start);
    const later = start + 11 * MINUTE;
    const disable = (now: number) =>
      app.disableTwoFactor(
        { userId: who.userId, sessionId: who.sessionId, code: currentTotp(who.secret, now) },
        at(now),
      );

    await expect(disable(later)).rejects.toMatchObject(refusal);
    const still = await admin.user.findUniqueOrThrow({ where: { id: who.userId } });
    expect(still.twoFactorEnabledAt).not.toBeNull();

    // The authenticator code is the other way to confirm.
    expect(await confirmItsMe({ ...who, code: currentTotp(who.secret, later) }, later)).toEqual({
      ok: true,
    });
    // The code just used cannot be replayed to confirm again.
    expect(
      await confirmItsMe({ ...who, code: currentTotp(who.secret, later) }, later),
    ).toMatchObject({ ok: false, field: "code" });
    expect(await disable(later + 2 * MINUTE)).toMatchObject({ ok: true });
  });

  it("turning 2FA on: refused without a recent sign-in", async () => {
    const start = Date.now();
    const who = await signedIn("2fa-on", start);
    const setup = (await app.beginTwoFactorSetup(who.userId))!;
    const secret = new URL(setup.uri).searchParams.get("secret")!;
    const later = start + 11 * MINUTE;

    await expect(
      app.confirmTwoFactorSetup(
        { userId: who.userId, sessionId: who.sessionId, code: currentTotp(secret, later) },
        at(later),
      ),
    ).rejects.toMatchObject(refusal);
    expect(
      (await admin.user.findUniqueOrThrow({ where: { id: who.userId } })).twoFactorEnabledAt,
    ).toBeNull();
    expect(await admin.recoveryCode.count({ where: { userId: who.userId } })).toBe(0);
  });

  it("deleting the account: refused without a recent sign-in, allowed after confirming", async () => {
    const start = Date.now();
    const who = await signedIn("del", start);

    await expect(app.deleteAccount(who, at(start + 11 * MINUTE))).rejects.toMatchObject(refusal);
    expect(await admin.user.count({ where: { id: who.userId } })).toBe(1);

    expect(await confirmItsMe({ ...who, password: PASSWORD }, start + 11 * MINUTE)).toEqual({
      ok: true,
    });
    expect(await app.deleteAccount(who, at(start + 12 * MINUTE))).toMatchObject({ ok: true });
    expect(await admin.user.count({ where: { id: who.userId } })).toBe(0);
  });

  it("a confirmation stamps only the session that gave it", async () => {
    const start = Date.now();
    const who = await signedIn("two-sessions", start);
    const thief = await createSession(admin, { userId: who.userId, now: new Date(start) });
    expect(await confirmItsMe({ ...who, password: PASSWORD }, start + 11 * MINUTE)).toEqual({
      ok: true,
    });
    await expect(
      app.deleteAccount(
        { userId: who.userId, sessionId: thief.sessionId },
        at(start + 12 * MINUTE),
      ),
    ).rejects.toMatchObject(refusal);
    expect(await admin.user.count({ where: { id: who.userId } })).toBe(1);
  });
});

describe("confirming by emailed link, for accounts without a password or 2FA", () => {
  /** A user who signs in by link only, with a session that signed in 11 minutes ago. */
  async function linkOnlyUser(label: string) {
    const user = await admin.user.create({
      data: {
        email: `${label}-${++counter}-${Date.now()}@example.test`,
        emailVerified: new Date(),
      },
    });
    const session = await createSession(admin, {
      userId: user.id,
      now: new Date(Date.now() - 11 * MINUTE),
    });
    return { user, userId: user.id, sessionId: session.sessionId };
  }

  async function linkTokenFor(email: string) {
    const rows = await admin.outboxMessage.findMany({ orderBy: { createdAt: "desc" } });
    const payload = rows
      .map((r) => r.payload as { to: string; template: string; text: string })
      .find((p) => p.to === email && p.template === "reauthentication");
    return /token=([A-Za-z0-9_-]+)/.exec(payload?.text ?? "")?.[1];
  }

  it("the link stamps the session of the browser that opens it, once", async () => {
    const { requestReauthenticationLink, confirmReauthenticationLink } =
      await import("@/lib/auth/flows/reauthenticate");
    const who = await linkOnlyUser("link-only");
    await expect(app.deleteAccount(who, ctx)).rejects.toMatchObject(refusal);

    expect(await requestReauthenticationLink(who, ctx)).toMatchObject({ ok: true });
    const token = await linkTokenFor(who.user.email);
    expect(token).toBeTruthy();

    // Another account's session gains nothing from it (and the link is then used up).
    const other = await linkOnlyUser("someone-else");
    expect(await confirmReauthenticationLink(token!, other, ctx)).toBe(false);
    expect(await confirmReauthenticationLink(token!, who, ctx)).toBe(false);

    expect(await requestReauthenticationLink(who, ctx)).toMatchObject({ ok: true });
    const fresh = await linkTokenFor(who.user.email);
    expect(await confirmReauthenticationLink(fresh!, who, ctx)).toBe(true);
    expect(await confirmReauthenticationLink(fresh!, who, ctx)).toBe(false);
    expect(await app.deleteAccount(who, ctx)).toMatchObject({ ok: true });
  });

  it("is not offered to accounts with a password, and is limited per user", async () => {
    const { requestReauthenticationLink } = await import("@/lib/auth/flows/reauthenticate");
    const withPassword = await signedIn("has-password");
    expect(await requestReauthenticationLink(withPassword, ctx)).toEqual({
      ok: false,
      reason: "not-available",
    });
    const who = await linkOnlyUser("link-flood");
    for (let i = 0; i < 3; i++) {
      expect(await requestReauthenticationLink(who, ctx)).toMatchObject({ ok: true });
    }
    expect(await requestReauthenticationLink(who, ctx)).toMatchObject({
      ok: false,
      reason: "limited",
    });
  });
});

describe("dangerous organization changes need a recent sign-in", () => {
  /** An owner whose session signed in 11 minutes ago, and a member to hand over to. */
  async function staleOwner(label: string) {
    const org = await organization(admin, label);
    const owner = await signedIn(`${label}-owner`, Date.now() - 11 * MINUTE);
    await admin.membership.create({
      data: { userId: owner.userId, organizationId: org.id, role: "OWNER" },
    });
    const heir = await userWithSession(admin, `${label}-heir`, {
      organizationId: org.id,
      role: "MEMBER",
    });
    return { org, owner, heir };
  }

  it("deleting an organization: 403 and nothing deleted, then allowed after confirming", async () => {
    const { org, owner } = await staleOwner("doomed");
    callAs(owner.token, org.slug);

    expect(await deleteOrganizationAction({ confirmSlug: org.slug })).toMatchObject({
      ok: false,
      ...refusal,
    });
    expect(await admin.organization.count({ where: { id: org.id } })).toBe(1);

    // A confirmation that is already more than 10 minutes old does not count either.
    await confirmItsMe({ ...owner, password: PASSWORD }, Date.now() - 10 * MINUTE - 1_000);
    expect(await deleteOrganizationAction({ confirmSlug: org.slug })).toMatchObject(refusal);
    expect(await admin.organization.count({ where: { id: org.id } })).toBe(1);

    expect(await confirmItsMe({ ...owner, password: PASSWORD }, Date.now())).toEqual({ ok: true });
    expect(await deleteOrganizationAction({ confirmSlug: org.slug })).toMatchObject({ ok: true });
    expect(await admin.organization.count({ where: { id: org.id } })).toBe(0);
  });

  it("transferring ownership: 403 and no role changes, then allowed after confirming", async () => {
    const { org, owner, heir } = await staleOwner("handover");
    callAs(owner.token, org.slug);
    const roles = async () =>
      Object.fromEntries(
        (await admin.membership.findMany({ where: { organizationId: org.id } })).map((m) => [
          m.userId,
          m.role,
        ]),
      );

    expect(await transferOwnershipAction({ membershipId: heir.membershipId })).toMatchObject({
      ok: false,
      ...refusal,
    });
    expect(await roles()).toEqual({ [owner.userId]: "OWNER", [heir.id]: "MEMBER" });

    expect(await confirmItsMe({ ...owner, password: PASSWORD }, Date.now())).toEqual({ ok: true });
    expect(await transferOwnershipAction({ membershipId: heir.membershipId })).toMatchObject({
      ok: true,
    });
    expect(await roles()).toEqual({ [owner.userId]: "ADMIN", [heir.id]: "OWNER" });
  });
});

describe("password and code checks from a session are rate-limited per user", () => {
  it("change-password: wrong current passwords are limited after 10, the right one too", async () => {
    const who = await signedIn("guess-pw");
    const attempt = (currentPassword: string) =>
      app.changePassword({ ...who, currentPassword, newPassword: "a brand new passphrase" }, ctx);
    for (let i = 0; i < 10; i++) {
      expect(await attempt(`wrong guess ${i}`)).toMatchObject({
        ok: false,
        field: "currentPassword",
      });
    }
    expect(await attempt("wrong guess 11")).toMatchObject({
      ok: false,
      limited: { reason: "limited" },
    });
    expect(await attempt(PASSWORD)).toMatchObject({ ok: false, limited: { reason: "limited" } });
    const user = await admin.user.findUniqueOrThrow({ where: { id: who.userId } });
    expect(user.passwordHash).toBe(who.user.passwordHash);
  });

  it("change-email: wrong current passwords are limited after 10", async () => {
    const who = await signedIn("guess-mail");
    const attempt = (currentPassword: string) =>
      app.requestEmailChange(
        { ...who, newEmail: `n-${counter}-${Date.now()}@example.test`, currentPassword },
        ctx,
      );
    for (let i = 0; i < 10; i++) {
      expect(await attempt(`wrong guess ${i}`)).toMatchObject({ ok: false });
    }
    expect(await attempt(PASSWORD)).toMatchObject({ ok: false, limited: { reason: "limited" } });
    expect(await admin.authToken.count({ where: { userId: who.userId } })).toBe(0);
  });

  it("2FA off: wrong codes are limited after 10, the right one too", async () => {
    const start = Date.now();
    const who = await withTwoFactor("guess-2fa", start);
    const disable = (code: string) => app.disableTwoFactor({ ...who, code }, at(start));
    const right = currentTotp(who.secret, start + 30_000);
    const wrongCodes = Array.from({ length: 11 }, (_, i) =>
      String((Number(right) + 1 + i * 7919) % 1_000_000).padStart(6, "0"),
    );
    for (const code of wrongCodes.slice(0, 10)) {
      expect(await disable(code)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/not valid/),
      });
    }
    expect(await disable(wrongCodes[10]!)).toMatchObject({
      ok: false,
      limited: { reason: "limited" },
    });
    expect(
      (await admin.user.findUniqueOrThrow({ where: { id: who.userId } })).twoFactorEnabledAt,
    ).not.toBeNull();
  });

  it("confirm it's you: wrong passwords and codes are limited after 10", async () => {
    const start = Date.now();
    const who = await withTwoFactor("guess-confirm", start);
    for (let i = 0; i < 10; i++) {
      expect(await confirmItsMe({ ...who, password: `wrong ${i}` }, start)).toMatchObject({
        ok: false,
        field: "password",
      });
    }
    expect(await confirmItsMe({ ...who, password: PASSWORD }, start)).toMatchObject({
      ok: false,
      limited: { reason: "limited" },
    });
    for (let i = 0; i < 10; i++) {
      expect(await confirmItsMe({ ...who, code: String(100000 + i * 7) }, start)).toMatchObject({
        ok: false,
      });
    }
    expect(
      await confirmItsMe({ ...who, code: currentTotp(who.secret, start + 30_000) }, start + 30_000),
    ).toMatchObject({ ok: false, limited: { reason: "limited" } });
  });
});
