import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The OAuth rules Keel adds to Auth.js, on the database: when a provider's sign-in may
 * link to an existing account, when it must stop for a second factor, and how the adapter
 * stores the session it creates.
 */

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-real-ip": "203.0.113.44", "user-agent": "oauth-test" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

async function load() {
  const [{ db }, callback, adapter, store] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/auth/oauth/sign-in-callback"),
    import("@/lib/auth/oauth/adapter"),
    import("@/lib/auth/session-store"),
  ]);
  return { db, ...callback, ...adapter, ...store };
}
let app: Awaited<ReturnType<typeof load>>;
let counter = 0;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

const google = (email: string, verified: boolean) => ({
  email,
  provider: "google",
  providerAccountId: `google-${counter}-${Date.now()}`,
  accountType: "oidc",
  profile: { email_verified: verified },
  accessToken: "token",
});

beforeAll(async () => {
  app = await load();
});

afterAll(async () => {
  await app.db.$disconnect();
});

describe("OAuth sign-in decisions", () => {
  it("lets a verified address in, and stops an unverified one before anything is linked", async () => {
    expect((await app.decideOAuthSignIn(google(uniqueEmail("new"), true))).result).toBe(true);

    const victim = await app.db.user.create({
      data: { email: uniqueEmail("victim"), emailVerified: new Date() },
    });
    const attempt = await app.decideOAuthSignIn(google(victim.email.toUpperCase(), false));
    expect(attempt.result).toBe("/sign-in?error=unverified-email");
    expect(await app.db.account.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("asks for the second factor when the account has one", async () => {
    const user = await app.db.user.create({
      data: {
        email: uniqueEmail("2fa"),
        emailVerified: new Date(),
        twoFactorEnabledAt: new Date(),
      },
    });
    const decision = await app.decideOAuthSignIn(google(user.email, true));
    expect(decision.result).toBe("/sign-in/two-factor");
    expect(decision.challengeToken).toBeTruthy();
    const challenge = await app.db.authToken.findFirst({
      where: { userId: user.id, purpose: "TWO_FACTOR_CHALLENGE", usedAt: null },
    });
    expect(challenge).not.toBeNull();
    expect(challenge!.tokenHash).not.toBe(decision.challengeToken);
  });

  it("refuses a disabled account, and lets the provider claim an unconfirmed one", async () => {
    const disabled = await app.db.user.create({
      data: { email: uniqueEmail("off"), disabledAt: new Date() },
    });
    expect((await app.decideOAuthSignIn(google(disabled.email, true))).result).toBe(
      "/sign-in?error=account-disabled",
    );

    // Whoever signed up with the address never proved it: their password, second factor,
    // sessions and links do not survive the owner proving it through the provider.
    const unconfirmed = await app.db.user.create({
      data: {
        email: uniqueEmail("unconfirmed"),
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
        twoFactorSecret: "v1.sealed",
        twoFactorEnabledAt: new Date(),
      },
    });
    const squatter = await app.createSession(app.db, { userId: unconfirmed.id });
    const decision = await app.decideOAuthSignIn(google(unconfirmed.email, true));
    expect(decision.result).toBe(true);
    expect(decision.challengeToken).toBeUndefined();
    expect(await app.readSession(app.db, squatter.token)).toBeNull();
    const claimed = await app.db.user.findUniqueOrThrow({ where: { id: unconfirmed.id } });
    expect(claimed.emailVerified).toBeInstanceOf(Date);
    expect(claimed).toMatchObject({
      passwordHash: null,
      twoFactorSecret: null,
      twoFactorEnabledAt: null,
    });
  });

  it("refuses sign-ins that are not OAuth", async () => {
    expect(
      (await app.decideOAuthSignIn({ ...google(uniqueEmail("x"), true), accountType: "email" }))
        .result,
    ).toBe(false);
  });
});

describe("the Auth.js adapter", () => {
  it("stores OAuth sessions hashed, with the client's IP, and ends them on sign-out", async () => {
    const adapter = app.keelAuthAdapter();
    const user = await adapter.createUser!({
      id: "",
      email: uniqueEmail("Mixed-Case"),
      emailVerified: null,
      name: "O",
    });
    expect(user.email).toBe(user.email.toLowerCase());

    const session = await adapter.createSession!({
      sessionToken: "ignored",
      userId: user.id,
      expires: new Date(),
    });
    expect(session.sessionToken).not.toBe("ignored");
    const row = await app.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.sessionToken).not.toBe(session.sessionToken);
    expect(row).toMatchObject({ ipAddress: "203.0.113.44", userAgent: "oauth-test" });

    const found = await adapter.getSessionAndUser!(session.sessionToken);
    expect(found?.user.id).toBe(user.id);
    expect((await app.readSession(app.db, session.sessionToken))?.user.id).toBe(user.id);

    await adapter.deleteSession!(session.sessionToken);
    expect(await adapter.getSessionAndUser!(session.sessionToken)).toBeNull();
  });
});
