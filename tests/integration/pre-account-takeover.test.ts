import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as NextServer from "next/server";

/**
 * Pre-account takeover: an attacker signs up with the victim's address and a password,
 * signs in (unverified sign-in is allowed), tries to turn on 2FA, and holds tokens of their
 * own. Later the victim proves the mailbox (magic link, OAuth, the verification link, a
 * password reset). From then on nothing the attacker set may still open the account.
 */

const afterTasks: (() => Promise<unknown> | unknown)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (task: () => Promise<unknown> | unknown) => void afterTasks.push(task),
}));

// The cookie jar of whichever "browser" is making the requests.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0 || value === "") jar.delete(name);
      else jar.set(name, value);
    },
  }),
  headers: async () => new Headers({ "x-real-ip": "203.0.113.9", "user-agent": "vitest" }),
}));

const ORIGIN = "http://localhost:3000";
const ATTACKER_PASSWORD = "the attacker's passphrase";
let mailboxDir: string;

async function load() {
  const [
    { db },
    signInRoute,
    signUpRoute,
    store,
    verify,
    magic,
    reset,
    oauth,
    twoFactor,
    totp,
    emailChange,
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/app/api/account/sign-in/route"),
    import("@/app/api/account/sign-up/route"),
    import("@/lib/auth/session-store"),
    import("@/lib/auth/flows/verify-email"),
    import("@/lib/auth/flows/magic-link"),
    import("@/lib/auth/flows/password-reset"),
    import("@/lib/auth/oauth/sign-in-callback"),
    import("@/lib/auth/flows/two-factor"),
    import("@/lib/auth/two-factor/totp"),
    import("@/lib/auth/flows/change-email"),
  ]);
  return {
    db,
    signInRoute,
    signUpRoute,
    store,
    verify,
    magic,
    reset,
    oauth,
    twoFactor,
    totp,
    emailChange,
  };
}
let app: Awaited<ReturnType<typeof load>>;

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;
const ctx = () => ({ ipAddress: `198.51.100.${(counter % 250) + 1}`, userAgent: "vitest" });

function post(body: unknown) {
  return new Request(`${ORIGIN}/api/account/x`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      "x-real-ip": `192.0.2.${(counter % 250) + 1}`,
      "user-agent": "vitest",
    },
    body: JSON.stringify(body),
  });
}

async function runAfterTasks() {
  while (afterTasks.length > 0) await afterTasks.shift()!();
}

async function lastMailToken(to: string, template: string): Promise<string> {
  const rows = await app.db.outboxMessage.findMany({ orderBy: { createdAt: "desc" } });
  const row = rows.find((r) => {
    const payload = r.payload as { to: string; template: string };
    return payload.to === to && payload.template === template;
  });
  const token = /token=([A-Za-z0-9_-]+)/.exec((row?.payload as { text: string }).text)?.[1];
  if (!token) throw new Error(`no ${template} mail to ${to}`);
  return token;
}

const signInWith = async (email: string, password: string) => {
  jar.clear();
  const response = await app.signInRoute.POST(post({ email, password }));
  return { status: response.status, cookie: jar.get("keel.session") };
};

/**
 * Everything an attacker can set on an unverified account: a password (the sign-up), a
 * live session, a 2FA attempt, an email-change link sent to their own inbox, and (as in
 * accounts made before this rule existed) an active second factor, recovery codes and a
 * linked OAuth account.
 */
async function attackerPrepares(victimEmail: string) {
  jar.clear();
  const signUp = await app.signUpRoute.POST(
    post({ name: "Not the victim", email: victimEmail, password: ATTACKER_PASSWORD }),
  );
  expect(signUp.status).toBe(202);
  await runAfterTasks();
  const user = await app.db.user.findUniqueOrThrow({ where: { email: victimEmail } });
  expect(user.emailVerified).toBeNull();

  const signedIn = await signInWith(victimEmail, ATTACKER_PASSWORD);
  expect(signedIn.status).toBe(200);
  const attackerSession = signedIn.cookie!;
  // The session that sign-in just opened: fresh, so the step-up for 2FA and address
  // changes is satisfied and only the rules under test can refuse.
  const { id: attackerSessionId } = await app.db.session.findFirstOrThrow({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
  });

  // Turning 2FA on is refused while the address is unconfirmed.
  const setup = await app.twoFactor.beginTwoFactorSetup(user.id);
  const secret = setup ? new URL(setup.uri).searchParams.get("secret") : null;
  const attempt = await app.twoFactor.confirmTwoFactorSetup(
    {
      userId: user.id,
      sessionId: attackerSessionId,
      code: secret ? app.totp.currentTotp(secret) : "000000",
    },
    ctx(),
  );
  expect(attempt.ok).toBe(false);
  expect(attempt.ok ? "" : attempt.message).toMatch(/confirm your email address/i);

  // An address change pending on a link in the attacker's own inbox.
  const attackerInbox = uniqueEmail("attacker-inbox");
  const change = await app.emailChange.requestEmailChange(
    {
      userId: user.id,
      sessionId: attackerSessionId,
      newEmail: attackerInbox,
      currentPassword: ATTACKER_PASSWORD,
    },
    ctx(),
  );
  expect(change.ok).toBe(true);
  const emailChangeToken = await lastMailToken(attackerInbox, "emailChangeConfirm");

  // What older accounts may already carry: an active second factor and an OAuth link.
  await app.db.user.update({
    where: { id: user.id },
    data: { twoFactorSecret: "v1.sealed.by.attacker", twoFactorEnabledAt: new Date() },
  });
  await app.db.recoveryCode.create({ data: { userId: user.id, codeHash: "attacker-code" } });
  await app.db.account.create({
    data: {
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: `attacker-${counter}-${Date.now()}`,
    },
  });
  jar.clear();
  return { user, attackerSession, emailChangeToken };
}

/** Nothing the attacker set still works, and the victim is the only one holding the account. */
async function expectAttackerLockedOut(
  victimEmail: string,
  attacker: Awaited<ReturnType<typeof attackerPrepares>>,
) {
  const { user, attackerSession, emailChangeToken } = attacker;
  expect(await app.store.readSession(app.db, attackerSession)).toBeNull();
  expect((await signInWith(victimEmail, ATTACKER_PASSWORD)).status).toBe(401);
  const stored = await app.db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored).toMatchObject({
    email: victimEmail,
    passwordHash: null,
    twoFactorSecret: null,
    twoFactorEnabledAt: null,
  });
  expect(stored.emailVerified).toBeInstanceOf(Date);
  expect(await app.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  expect(
    await app.db.account.count({
      where: { userId: user.id, providerAccountId: { startsWith: "attacker-" } },
    }),
  ).toBe(0);
  expect((await app.emailChange.confirmEmailChange(emailChangeToken, ctx())).ok).toBe(false);
  expect(
    await app.db.authToken.count({
      where: { userId: user.id, usedAt: null, purpose: { not: "TWO_FACTOR_CHALLENGE" } },
    }),
  ).toBe(0);
}

beforeAll(async () => {
  process.env.AUTH_SECRET = "an application secret for the takeover tests";
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-takeover-mailbox-"));
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
});

describe("the victim proves the mailbox of an account the attacker made", () => {
  it("by magic link: the victim is signed in, and the attacker's credentials are gone", async () => {
    const email = uniqueEmail("victim-magic");
    const attacker = await attackerPrepares(email);

    await app.magic.sendMagicLink(email, ctx());
    const result = await app.magic.signInWithMagicLink(
      await lastMailToken(email, "magicLink"),
      ctx(),
    );
    expect(result.status).toBe("signed-in");
    await expectAttackerLockedOut(email, attacker);
    if (result.status === "signed-in")
      expect((await app.store.readSession(app.db, result.sessionToken))?.user.id).toBe(
        attacker.user.id,
      );
  });

  it("by OAuth with a verified provider address: no second factor asked, attacker's credentials gone", async () => {
    const email = uniqueEmail("victim-oauth");
    const attacker = await attackerPrepares(email);

    const decision = await app.oauth.decideOAuthSignIn({
      email,
      provider: "google",
      providerAccountId: `google-victim-${counter}`,
      accountType: "oidc",
      profile: { email_verified: true },
      accessToken: "token",
    });
    expect(decision.result).toBe(true);
    expect(decision.challengeToken).toBeUndefined();
    await expectAttackerLockedOut(email, attacker);
  });

  it("by the verification link from the attacker's sign-up, opened in the victim's browser", async () => {
    const email = uniqueEmail("victim-verify");
    const attacker = await attackerPrepares(email);

    const token = await lastMailToken(email, "verifyEmail");
    const result = await app.verify.confirmEmail(token, ctx(), {});
    expect(result.ok).toBe(true);
    await expectAttackerLockedOut(email, attacker);
  });

  it("by a password reset: only the new password works, and 2FA is cleared", async () => {
    const email = uniqueEmail("victim-reset");
    const attacker = await attackerPrepares(email);

    await app.reset.sendPasswordReset(email, ctx());
    const token = await lastMailToken(email, "passwordReset");
    const result = await app.reset.resetPassword(
      { token, password: "the victim's own passphrase" },
      ctx(),
    );
    expect(result.ok).toBe(true);
    expect(await app.store.readSession(app.db, attacker.attackerSession)).toBeNull();
    expect((await signInWith(email, ATTACKER_PASSWORD)).status).toBe(401);
    expect((await signInWith(email, "the victim's own passphrase")).status).toBe(200);
    const stored = await app.db.user.findUniqueOrThrow({ where: { id: attacker.user.id } });
    expect(stored).toMatchObject({ twoFactorSecret: null, twoFactorEnabledAt: null });
    expect(await app.db.recoveryCode.count({ where: { userId: stored.id } })).toBe(0);
    expect(await app.db.account.count({ where: { userId: stored.id } })).toBe(0);
    expect((await app.emailChange.confirmEmailChange(attacker.emailChangeToken, ctx())).ok).toBe(
      false,
    );
  });
});

describe("the owner confirming their own sign-up keeps their password", () => {
  it("in the browser that signed up (it holds the sign-up cookie)", async () => {
    const email = uniqueEmail("own-signup");
    jar.clear();
    await app.signUpRoute.POST(post({ name: "Owner", email, password: "the owner's passphrase" }));
    await runAfterTasks();
    const binding = jar.get("keel.sign-up");
    expect(binding).toBeTruthy();

    const token = await lastMailToken(email, "verifyEmail");
    // The cookie alone is worth nothing: it is not the link, and a wrong one does not count.
    expect(binding).not.toContain(token);
    const result = await app.verify.confirmEmail(token, ctx(), { signUpBinding: binding });
    expect(result.ok).toBe(true);
    expect((await signInWith(email, "the owner's passphrase")).status).toBe(200);
  });

  it("with a session the password opened, in the browser that follows the link", async () => {
    const email = uniqueEmail("own-session");
    await app.signUpRoute.POST(post({ name: "Owner", email, password: "the owner's passphrase" }));
    await runAfterTasks();
    const { cookie } = await signInWith(email, "the owner's passphrase");
    const token = await lastMailToken(email, "verifyEmail");
    const result = await app.verify.confirmEmail(token, ctx(), {
      signUpBinding: "a-cookie-from-another-sign-up-000000",
      sessionToken: cookie,
    });
    expect(result.ok).toBe(true);
    expect(await app.store.readSession(app.db, cookie!)).not.toBeNull();
    expect((await signInWith(email, "the owner's passphrase")).status).toBe(200);
  });
});
