import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminDatabase } from "../support/admin-db";
import { staffWithSession } from "../support/staff";
import { callAs, organization, userWithSession } from "../support/tenant-request";

/**
 * The Users section of the operator console as staff and everyone else meet it: finding
 * people, reading an account, and each support action with what it leaves behind (sessions
 * ended, emails queued, the audit entry with the staff actor and the reason). A disabled
 * account is then refused at every sign-in door, with the clear message only for its owner.
 */

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

async function load() {
  const [
    { db },
    actions,
    search,
    detail,
    store,
    password,
    tokens,
    requests,
    callback,
    messages,
    magicLink,
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/admin/actions/users"),
    import("@/lib/admin/users/search"),
    import("@/lib/admin/users/detail"),
    import("@/lib/auth/session-store"),
    import("@/lib/auth/password"),
    import("@/lib/auth/tokens"),
    import("@/lib/auth/flows/requests"),
    import("@/lib/auth/oauth/sign-in-callback"),
    import("@/lib/auth/flows/messages"),
    import("@/lib/auth/flows/magic-link"),
  ]);
  return {
    db,
    ...actions,
    ...search,
    ...detail,
    ...store,
    ...password,
    ...tokens,
    ...requests,
    ...callback,
    ...messages,
    ...magicLink,
  };
}
let app: Awaited<ReturnType<typeof load>>;
// Fixtures span organizations, which the app's row-level security never allows at once.
const admin = adminDatabase();
let staff: Awaited<ReturnType<typeof staffWithSession>>;
let counter = 0;
const marker = () => `m${Date.now().toString(36)}x${++counter}`;
const reason = "Ticket 4242: the customer asked for it";

beforeAll(async () => {
  app = await load();
  staff = await staffWithSession(admin, "support");
});

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  callAs(staff.token);
});

afterAll(async () => {
  await app.db.$disconnect();
  await admin.$disconnect();
});

async function customer(label: string, options: { password?: string; verified?: boolean } = {}) {
  const user = await userWithSession(admin, label, undefined, {
    verified: options.verified ?? true,
  });
  if (options.password) {
    await admin.user.update({
      where: { id: user.id },
      data: { passwordHash: await app.hashPassword(options.password) },
    });
  }
  return user;
}

async function staffEntries(action: string, targetId: string) {
  return admin.auditLog.findMany({ where: { action, targetType: "user", targetId } });
}

async function queued(to: string, template: string) {
  const rows = await admin.outboxMessage.findMany();
  return rows
    .map((r) => r.payload as { to: string; template: string })
    .filter((p) => p.to === to && p.template === template);
}

function expectAudited(entries: { actorId: string | null; metadata: unknown }[]) {
  expect(entries).toHaveLength(1);
  expect(entries[0]!.actorId).toBe(staff.id);
  expect(entries[0]!.metadata).toMatchObject({ reason, staff: true });
}

describe("search and list", () => {
  it("finds users by email or name, trimmed and case-insensitive", async () => {
    const tag = marker();
    const byEmail = await admin.user.create({ data: { email: `${tag}-mail@example.test` } });
    const byName = await admin.user.create({
      data: { email: `${marker()}@example.test`, name: `Grace ${tag.toUpperCase()} Hopper` },
    });
    const found = await app.searchUsers(`  ${tag.toUpperCase()} `, undefined);
    expect(found.query).toBe(tag.toUpperCase());
    expect(found.users.map((u) => u.id).sort()).toEqual([byEmail.id, byName.id].sort());
    expect((await app.searchUsers(`${tag}-nobody`, "1")).users).toEqual([]);
    // Whatever is typed or pasted finds nothing rather than failing.
    for (const odd of [`${tag}\u0000`, "%", "_", "\\", "'; --", ["a", "b"]]) {
      await expect(app.searchUsers(odd, undefined)).resolves.toMatchObject({ page: 1 });
    }
  });

  it("takes % and _ literally, as people type them in addresses", async () => {
    const tag = marker();
    const underscore = await admin.user.create({ data: { email: `${tag}_a@example.test` } });
    await admin.user.create({ data: { email: `${tag}xa@example.test` } });
    expect((await app.searchUsers(`${tag}_a`, undefined)).users.map((u) => u.id)).toEqual([
      underscore.id,
    ]);
    expect((await app.searchUsers(`${tag}%`, undefined)).users).toEqual([]);
  });

  it("puts an exact id match first, ahead of newer users that merely contain it", async () => {
    const target = await admin.user.create({ data: { email: `${marker()}@example.test` } });
    const mentions = await admin.user.create({
      data: { email: `${target.id}-alias@example.test`, createdAt: new Date(Date.now() + 60_000) },
    });
    const found = await app.searchUsers(target.id, undefined);
    expect(found.users.map((u) => u.id)).toEqual([target.id, mentions.id]);
    expect(found.total).toBe(2);
  });

  it("shows verified, 2FA, last seen from the user's own sessions, and organizations", async () => {
    const tag = marker();
    const user = await admin.user.create({
      data: {
        email: `${tag}@example.test`,
        emailVerified: new Date(),
        twoFactorEnabledAt: new Date(),
      },
    });
    const older = new Date(Date.now() - 3 * 3600_000);
    const newer = new Date(Date.now() - 3600_000);
    await app.createSession(admin, { userId: user.id, now: older });
    await app.createSession(admin, { userId: user.id, now: newer });
    // Staff viewing as the user later does not count as the user being seen.
    const viewing = await app.createSession(admin, { userId: user.id });
    await admin.session.update({
      where: { id: viewing.sessionId },
      data: { impersonatorId: staff.id, impersonatorSessionId: staff.sessionId },
    });
    for (const name of ["Alpha", "Bravo", "Charlie", "Delta"]) {
      const org = await organization(admin, `${tag}-${name}`);
      await admin.organization.update({ where: { id: org.id }, data: { name } });
      await admin.membership.create({
        data: { userId: user.id, organizationId: org.id, role: "MEMBER" },
      });
    }
    const [row] = (await app.searchUsers(tag, undefined)).users;
    expect(row).toMatchObject({
      id: user.id,
      verified: true,
      twoFactor: true,
      staff: false,
      disabled: false,
      lastSeenAt: newer,
      organizations: { count: 4, names: ["Alpha", "Bravo", "Charlie"] },
    });
  });

  it("pages 25 users at a time, newest first", async () => {
    const tag = marker();
    const base = Date.now();
    for (let i = 0; i < 27; i++) {
      await admin.user.create({
        data: { email: `${tag}-${i}@example.test`, createdAt: new Date(base - i * 1000) },
      });
    }
    const first = await app.searchUsers(tag, undefined);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 27 });
    expect(first.users).toHaveLength(25);
    expect(first.users[0]!.email).toBe(`${tag}-0@example.test`);
    const second = await app.searchUsers(tag, "2");
    expect(second.users.map((u) => u.email)).toEqual([
      `${tag}-25@example.test`,
      `${tag}-26@example.test`,
    ]);
    // Nonsense page numbers fall back to the first page instead of failing.
    expect((await app.searchUsers(tag, "-3")).page).toBe(1);
    expect((await app.searchUsers(tag, "abc")).page).toBe(1);
  });
});

describe("a user's page", () => {
  it("shows memberships with roles, live sessions with impersonation marked, and state", async () => {
    const user = await customer("detail");
    const org = await organization(admin, "detail-org");
    await admin.membership.create({
      data: { userId: user.id, organizationId: org.id, role: "ADMIN" },
    });
    const expired = await app.createSession(admin, {
      userId: user.id,
      now: new Date(Date.now() - 40 * 24 * 3600_000),
    });
    const viewing = await app.createSession(admin, { userId: user.id, ipAddress: "192.0.2.8" });
    await admin.session.update({
      where: { id: viewing.sessionId },
      data: { impersonatorId: staff.id, impersonatorSessionId: staff.sessionId },
    });

    const detail = await app.getUserDetail(user.id);
    expect(detail).toMatchObject({
      id: user.id,
      email: user.email,
      staffSince: null,
      disabledAt: null,
      twoFactorEnabledAt: null,
      memberships: [{ organization: { id: org.id, slug: org.slug }, role: "ADMIN" }],
    });
    const sessionIds = detail!.sessions.map((s) => s.id);
    expect(sessionIds).toHaveLength(2);
    expect(sessionIds).not.toContain(expired.sessionId);
    expect(detail!.sessions.find((s) => s.id === viewing.sessionId)).toMatchObject({
      ipAddress: "192.0.2.8",
      impersonator: { id: staff.id, email: staff.email },
    });
    expect(detail!.sessions.filter((s) => s.impersonator === null)).toHaveLength(1);
    expect(await app.getUserDetail("no-such-user")).toBeNull();
    expect(await app.getUserDetail("bad\u0000id")).toBeNull();
  });

  it("lists the newest 20 security events: the account's own and those about it", async () => {
    const user = await customer("events");
    const other = await customer("events-other");
    const org = await organization(admin, "events-org");
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await admin.auditLog.createMany({
      data: [
        ...Array.from({ length: 22 }, (_, i) => ({
          action: "auth.sign_in",
          actorId: user.id,
          targetType: "user",
          targetId: user.id,
          createdAt: at(100 + i),
        })),
        { action: "auth.sign_in_failed", targetType: "user", targetId: user.id, createdAt: at(1) },
        {
          action: "staff.user_enabled",
          actorId: staff.id,
          targetType: "user",
          targetId: user.id,
          metadata: { reason: "They asked", staff: true },
          createdAt: at(2),
        },
        // Work inside an organization and other people's history are not the account's.
        { action: "project.created", actorId: user.id, organizationId: org.id, createdAt: at(0) },
        { action: "auth.sign_in", actorId: other.id, targetType: "user", targetId: other.id },
      ],
    });
    const events = (await app.getUserDetail(user.id))!.securityEvents;
    expect(events).toHaveLength(20);
    expect(events[0]).toMatchObject({ action: "auth.sign_in_failed", actor: null });
    expect(events[1]).toMatchObject({
      action: "staff.user_enabled",
      actor: { id: staff.id },
      reason: "They asked",
    });
    expect(
      events.slice(2).every((e) => e.action === "auth.sign_in" && e.actor?.id === user.id),
    ).toBe(true);
    expect(events.some((e) => e.action === "project.created")).toBe(false);
  });
});

describe("disable and enable", () => {
  it("ends every session at once, including staff viewing as them, and is audited", async () => {
    const user = await customer("disable", { password: "the right passphrase" });
    const second = await app.createSession(admin, { userId: user.id });
    const viewing = await app.createSession(admin, { userId: user.id });
    await admin.session.update({
      where: { id: viewing.sessionId },
      data: { impersonatorId: staff.id, impersonatorSessionId: staff.sessionId },
    });

    const result = await app.disableUserAction({ userId: user.id, reason });
    expect(result).toEqual({ ok: true, data: { userId: user.id, sessionsEnded: 3 } });
    expect(await admin.session.count({ where: { userId: user.id } })).toBe(0);
    for (const token of [user.token, second.token, viewing.token]) {
      expect(await app.readSession(app.db, token)).toBeNull();
    }
    expect((await admin.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBe(
      null,
    );
    const entries = await staffEntries("staff.user_disabled", user.id);
    expectAudited(entries);
    expect(entries[0]!.metadata).toMatchObject({ sessionsEnded: 3 });
    // The staff member's own session is untouched.
    expect(await app.readSession(app.db, staff.token)).not.toBeNull();

    expect(await app.disableUserAction({ userId: user.id, reason })).toMatchObject({
      ok: false,
      status: 409,
      error: "This account is already disabled.",
    });
  });

  it("refuses every sign-in with a clear message, only to whoever proves ownership", async () => {
    const user = await customer("refused", { password: "the right passphrase" });
    await app.disableUserAction({ userId: user.id, reason });
    const disabled = { ok: false, status: 403, error: app.authMessages.accountDisabled };

    expect(
      await app.requestSignIn({ email: user.email, password: "the right passphrase" }),
    ).toEqual(disabled);
    // A wrong password learns nothing about the account.
    expect(await app.requestSignIn({ email: user.email, password: "a wrong passphrase" })).toEqual(
      await app.requestSignIn({ email: `nobody-${marker()}@example.test`, password: "whatever" }),
    );
    expect(
      await app.requestSignIn({ email: user.email, password: "a wrong passphrase" }),
    ).toMatchObject({ status: 401, error: app.authMessages.wrongCredentials });

    // The emailed link still goes out, so the mailbox's owner learns why they cannot get in.
    expect(await app.sendMagicLink(user.email, { ipAddress: null, userAgent: null })).toHaveLength(
      1,
    );
    const link = await app.issueToken(app.db, {
      purpose: "MAGIC_LINK",
      email: user.email,
      userId: user.id,
    });
    expect(await app.requestMagicLinkSignIn({ token: link.token })).toEqual(disabled);

    const challenge = await app.issueToken(app.db, {
      purpose: "TWO_FACTOR_CHALLENGE",
      email: user.email,
      userId: user.id,
    });
    expect(
      await app.requestTwoFactorSignIn({ challengeToken: challenge.token, code: "123456" }),
    ).toEqual(disabled);

    const oauth = await app.decideOAuthSignIn({
      email: user.email,
      provider: "google",
      providerAccountId: `google-${marker()}`,
      accountType: "oidc",
      profile: { email_verified: true },
      accessToken: "token",
    });
    expect(oauth.result).toBe("/sign-in?error=account-disabled");
    expect(await admin.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("enables the account again: sign-in works, and the change is audited", async () => {
    const user = await customer("enable", { password: "the right passphrase" });
    await app.disableUserAction({ userId: user.id, reason });
    expect(await app.enableUserAction({ userId: user.id, reason })).toEqual({
      ok: true,
      data: { userId: user.id },
    });
    expectAudited(await staffEntries("staff.user_enabled", user.id));
    const signIn = await app.requestSignIn({
      email: user.email,
      password: "the right passphrase",
    });
    expect(signIn).toMatchObject({ ok: true, data: { kind: "signed-in" } });
    expect(await app.enableUserAction({ userId: user.id, reason })).toMatchObject({
      ok: false,
      status: 409,
    });
  });
});

describe("support actions", () => {
  it("signs the user out everywhere", async () => {
    const user = await customer("revoke");
    await app.createSession(admin, { userId: user.id });
    expect(await app.revokeUserSessionsAction({ userId: user.id, reason })).toEqual({
      ok: true,
      data: { userId: user.id, sessionsEnded: 2 },
    });
    expect(await app.readSession(app.db, user.token)).toBeNull();
    expectAudited(await staffEntries("staff.sessions_revoked", user.id));
  });

  it("resends the verification email only to an unverified address", async () => {
    const unverified = await customer("unverified", { verified: false });
    expect(await app.resendUserVerificationAction({ userId: unverified.id, reason })).toEqual({
      ok: true,
      data: { userId: unverified.id, email: unverified.email },
    });
    expect(await queued(unverified.email, "verifyEmail")).toHaveLength(1);
    expectAudited(await staffEntries("staff.verification_resent", unverified.id));

    const verified = await customer("verified");
    expect(await app.resendUserVerificationAction({ userId: verified.id, reason })).toEqual({
      ok: false,
      status: 409,
      error: `${verified.email} is already verified; no email was sent.`,
    });
    expect(await queued(verified.email, "verifyEmail")).toHaveLength(0);
    expect(await staffEntries("staff.verification_resent", verified.id)).toHaveLength(0);
  });

  it("sends the password reset email to the user, not to staff", async () => {
    const user = await customer("reset", { password: "the right passphrase" });
    expect(await app.sendUserPasswordResetAction({ userId: user.id, reason })).toEqual({
      ok: true,
      data: { userId: user.id, email: user.email },
    });
    expect(await queued(user.email, "passwordReset")).toHaveLength(1);
    expect(await queued(staff.email, "passwordReset")).toHaveLength(0);
    expectAudited(await staffEntries("staff.password_reset_sent", user.id));

    await app.disableUserAction({ userId: user.id, reason });
    expect(await app.sendUserPasswordResetAction({ userId: user.id, reason })).toMatchObject({
      ok: false,
      status: 409,
      error: "This account is disabled: enable it first, then try again.",
    });
  });

  it("exports the user's data as a JSON download, audited as staff with the reason", async () => {
    const user = await customer("export");
    const result = await app.exportUserAction({ userId: user.id, reason });
    if (!result.ok) throw new Error(result.error);
    expect(result.data.filename).toBe(`keel-user-${user.id}.json`);
    const data = JSON.parse(result.data.content) as { format: string; user: { email: string } };
    expect(data).toMatchObject({ format: "keel-user-export/1", user: { email: user.email } });
    expect(result.data.content).not.toContain("passwordHash");
    expectAudited(await staffEntries("staff.user_exported", user.id));
    // The user did not export anything themselves.
    expect(
      await admin.auditLog.count({ where: { action: "account.exported", actorId: user.id } }),
    ).toBe(0);
  });
});

describe("delete", () => {
  it("deletes the user and the organizations only they are in, and keeps the staff entry", async () => {
    const user = await customer("delete");
    const solo = await organization(admin, "solo", { plan: "free", status: "FREE" });
    await admin.membership.create({
      data: { userId: user.id, organizationId: solo.id, role: "OWNER" },
    });
    expect(
      await app.deleteUserAction({ userId: user.id, reason, confirmEmail: "someone@else.test" }),
    ).toMatchObject({ ok: false, status: 422, fieldErrors: { confirmEmail: expect.any(String) } });
    expect(await admin.user.count({ where: { id: user.id } })).toBe(1);

    const result = await app.deleteUserAction({
      userId: user.id,
      reason,
      confirmEmail: ` ${user.email.toUpperCase()} `,
    });
    expect(result).toEqual({ ok: true, data: { userId: user.id } });
    expect(await admin.user.count({ where: { id: user.id } })).toBe(0);
    expect(await admin.organization.count({ where: { id: solo.id } })).toBe(0);
    const entries = await staffEntries("staff.user_deleted", user.id);
    expectAudited(entries);
    expect(entries[0]!.metadata).toMatchObject({ organizationsDeleted: 1 });
  });

  it("explains why a sole owner of an organization with other members cannot be deleted", async () => {
    const owner = await customer("sole-owner");
    const org = await organization(admin, "shared");
    await admin.membership.create({
      data: { userId: owner.id, organizationId: org.id, role: "OWNER" },
    });
    await customer("teammate").then((mate) =>
      admin.membership.create({
        data: { userId: mate.id, organizationId: org.id, role: "MEMBER" },
      }),
    );
    const result = await app.deleteUserAction({
      userId: owner.id,
      reason,
      confirmEmail: owner.email,
    });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(result.ok ? "" : result.error).toContain(`only owner of shared (${org.slug})`);
    expect(await admin.user.count({ where: { id: owner.id } })).toBe(1);
    expect(await staffEntries("staff.user_deleted", owner.id)).toHaveLength(0);
  });
});

describe("refusals", () => {
  it("does not act on another staff member or on the staff member's own account", async () => {
    const colleague = await staffWithSession(admin, "colleague");
    for (const action of [app.disableUserAction, app.revokeUserSessionsAction]) {
      const result = await action({ userId: colleague.id, reason });
      expect(result).toMatchObject({ ok: false, status: 403 });
      expect(result.ok ? "" : result.error).toContain(`npm run staff -- revoke ${colleague.email}`);
    }
    const deletion = await app.deleteUserAction({
      userId: staff.id,
      reason,
      confirmEmail: staff.email,
    });
    expect(deletion).toMatchObject({ ok: false, status: 403 });
    expect(deletion.ok ? "" : deletion.error).toContain("your own account");
    expect(await app.readSession(app.db, colleague.token)).not.toBeNull();
    expect(await admin.user.count({ where: { id: staff.id, disabledAt: null } })).toBe(1);
  });

  it("needs a reason", async () => {
    const user = await customer("no-reason");
    for (const input of [{ userId: user.id }, { userId: user.id, reason: "   " }]) {
      const result = await app.disableUserAction(input);
      expect(result).toMatchObject({
        ok: false,
        status: 422,
        fieldErrors: { reason: expect.any(String) },
      });
    }
    expect(await app.readSession(app.db, user.token)).not.toBeNull();
  });

  it("asks a staff member whose sign-in is older than 10 minutes to confirm it's them", async () => {
    const stale = await staffWithSession(admin, "stale", { staleSignIn: true });
    const user = await customer("stale-target");
    callAs(stale.token);
    expect(await app.disableUserAction({ userId: user.id, reason })).toMatchObject({
      ok: false,
      status: 403,
      code: "reauthentication_required",
    });
    expect(await app.readSession(app.db, user.token)).not.toBeNull();
  });

  it("answers 404 to non-staff and anonymous callers, and 403 to staff without 2FA", async () => {
    const user = await customer("target");
    const outsider = await customer("outsider");
    for (const token of [outsider.token, undefined]) {
      callAs(token);
      expect(await app.disableUserAction({ userId: user.id, reason })).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(await app.exportUserAction({ userId: user.id, reason })).toMatchObject({
        ok: false,
        status: 404,
      });
    }
    const noTwoFactor = await staffWithSession(admin, "no2fa", { twoFactor: false });
    callAs(noTwoFactor.token);
    expect(await app.revokeUserSessionsAction({ userId: user.id, reason })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await app.readSession(app.db, user.token)).not.toBeNull();
    expect(await admin.auditLog.count({ where: { targetId: user.id } })).toBe(0);
  });

  it("answers not found for an unknown user", async () => {
    expect(await app.disableUserAction({ userId: "no-such-user", reason })).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});
