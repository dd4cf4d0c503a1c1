import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabase } from "../support/admin-db";

/**
 * What a signed-in user can do to their own account, and what each step leaves behind:
 * sessions ended, notices queued, audit entries written, data exported or removed.
 */

let mailboxDir: string;
const ctx = { ipAddress: "203.0.113.9", userAgent: "vitest" };

async function load() {
  const [{ db }, password, store, changePassword, changeEmail, sessions, exportData, deletion] =
    await Promise.all([
      import("@/lib/db"),
      import("@/lib/auth/password"),
      import("@/lib/auth/session-store"),
      import("@/lib/auth/flows/change-password"),
      import("@/lib/auth/flows/change-email"),
      import("@/lib/auth/flows/sessions"),
      import("@/lib/account/export/build"),
      import("@/lib/account/delete-account"),
    ]);
  return {
    db,
    ...password,
    ...store,
    ...changePassword,
    ...changeEmail,
    ...sessions,
    ...exportData,
    ...deletion,
  };
}
let app: Awaited<ReturnType<typeof load>>;
// Fixtures span organizations, which the app's row-level security never allows at once.
const admin = adminDatabase();

let counter = 0;

/** A session signed in just now: dangerous changes need a recent sign-in. */
const sessionFor = async (userId: string) =>
  (await app.createSession(app.db, { userId })).sessionId;
const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

async function createUser(label: string, password = "the current passphrase") {
  return app.db.user.create({
    data: {
      email: uniqueEmail(label),
      name: label,
      emailVerified: new Date(),
      passwordHash: await app.hashPassword(password),
    },
  });
}

async function queued(to: string, template: string) {
  const rows = await app.db.outboxMessage.findMany();
  return rows
    .map((r) => r.payload as { to: string; template: string; subject: string; text: string })
    .filter((p) => p.to === to && p.template === template);
}

async function createOrganization(
  slug: string,
  members: { userId: string; role: "OWNER" | "ADMIN" | "MEMBER" }[],
  status?: "ACTIVE" | "FREE",
) {
  return admin.organization.create({
    data: {
      slug: `${slug}-${++counter}`,
      name: slug,
      memberships: { create: members },
      ...(status ? { subscription: { create: { status } } } : {}),
    },
  });
}

beforeAll(async () => {
  mailboxDir = await mkdtemp(path.join(tmpdir(), "keel-account-mailbox-"));
  process.env.KEEL_MAILBOX_DIR = mailboxDir;
  app = await load();
});

afterAll(async () => {
  await app.db.$disconnect();
  await admin.$disconnect();
  await rm(mailboxDir, { recursive: true, force: true });
});

describe("change password", () => {
  it("needs the current password", async () => {
    const user = await createUser("cp-wrong");
    const current = await app.createSession(app.db, { userId: user.id });
    const result = await app.changePassword(
      {
        userId: user.id,
        sessionId: current.sessionId,
        currentPassword: "not it at all",
        newPassword: "a brand new passphrase",
      },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, field: "currentPassword" });
    const stored = await app.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await app.verifyPassword(stored.passwordHash!, "the current passphrase")).toBe(true);
  });

  it("ends the other sessions, keeps this one, and sends a notice", async () => {
    const user = await createUser("cp");
    const current = await app.createSession(app.db, { userId: user.id });
    const other = await app.createSession(app.db, { userId: user.id });
    const result = await app.changePassword(
      {
        userId: user.id,
        sessionId: current.sessionId,
        currentPassword: "the current passphrase",
        newPassword: "a brand new passphrase",
      },
      ctx,
    );
    expect(result).toMatchObject({ ok: true, sessionsEnded: 1 });
    expect(await app.readSession(app.db, other.token)).toBeNull();
    expect(await app.readSession(app.db, current.token)).not.toBeNull();
    expect(await queued(user.email, "passwordChanged")).toHaveLength(1);
    expect(
      await admin.auditLog.count({ where: { actorId: user.id, action: "auth.password_changed" } }),
    ).toBe(1);
  });
});

describe("change email", () => {
  it("takes effect only once the new address confirms, and tells the old one", async () => {
    const user = await createUser("ce");
    const newEmail = uniqueEmail("ce-new");
    const requested = await app.requestEmailChange(
      {
        userId: user.id,
        sessionId: await sessionFor(user.id),
        newEmail,
        currentPassword: "the current passphrase",
      },
      ctx,
    );
    expect(requested.ok).toBe(true);
    expect((await app.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(
      user.email,
    );

    const [mail] = await queued(newEmail, "emailChangeConfirm");
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect((await app.confirmEmailChange(token, ctx)).ok).toBe(true);
    expect((await app.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect(await queued(user.email, "emailChangedNotice")).toHaveLength(1);
    // Single use.
    expect((await app.confirmEmailChange(token, ctx)).ok).toBe(false);
  });

  it("needs the current password, and sends no link to an address another account holds", async () => {
    const user = await createUser("ce-guard");
    const other = await createUser("ce-other");
    expect(
      await app.requestEmailChange(
        {
          userId: user.id,
          sessionId: await sessionFor(user.id),
          newEmail: uniqueEmail("x"),
          currentPassword: "wrong",
        },
        ctx,
      ),
    ).toMatchObject({ ok: false, field: "currentPassword" });
    const taken = await app.requestEmailChange(
      {
        userId: user.id,
        sessionId: await sessionFor(user.id),
        newEmail: other.email,
        currentPassword: "the current passphrase",
      },
      ctx,
    );
    expect(taken).toEqual({ ok: true });
    expect(await queued(other.email, "emailChangeConfirm")).toHaveLength(0);
  });
});

describe("sessions", () => {
  it("signs out of other sessions, and cannot end another user's session", async () => {
    const user = await createUser("s");
    const intruder = await createUser("s-intruder");
    const current = await app.createSession(app.db, {
      userId: user.id,
      ipAddress: "198.51.100.1",
      userAgent: "Firefox",
    });
    const other = await app.createSession(app.db, { userId: user.id });
    const victim = await app.createSession(app.db, { userId: user.id });

    expect((await app.listSessions(app.db, user.id)).map((s) => s.id)).toHaveLength(3);
    expect(
      await app.signOutSession({ userId: intruder.id, sessionId: victim.sessionId }, ctx),
    ).toBe(false);
    expect(await app.readSession(app.db, victim.token)).not.toBeNull();

    expect(
      await app.signOutOtherSessions({ userId: user.id, sessionId: current.sessionId }, ctx),
    ).toBe(2);
    expect(await app.readSession(app.db, other.token)).toBeNull();
    expect(await app.readSession(app.db, current.token)).not.toBeNull();
    const [listed] = await app.listSessions(app.db, user.id);
    expect(listed).toMatchObject({ ipAddress: "198.51.100.1", userAgent: "Firefox" });
  });
});

describe("export", () => {
  it("holds the user's data and none of their secrets", async () => {
    const user = await createUser("export");
    await app.createSession(app.db, { userId: user.id });
    const data = await app.exportUserData(user.id, ctx);
    expect(data.user.email).toBe(user.email);
    expect(data.user.sessions).toHaveLength(1);
    expect(data.user.hasPassword).toBe(true);
    const json = JSON.stringify(data);
    expect(json).not.toContain("argon2");
    expect(json).not.toContain("sessionToken");
  });
});

describe("delete account", () => {
  it("is refused while the user is the only owner of an organization with other members", async () => {
    const owner = await createUser("del-owner");
    const member = await createUser("del-member");
    const org = await createOrganization("team", [
      { userId: owner.id, role: "OWNER" },
      { userId: member.id, role: "MEMBER" },
    ]);
    const result = await app.deleteAccount(
      { userId: owner.id, sessionId: await sessionFor(owner.id) },
      ctx,
    );
    expect(result).toEqual({
      ok: false,
      blockers: [{ organization: { slug: org.slug, name: "team" }, reason: "members" }],
    });
    expect(await app.db.user.count({ where: { id: owner.id } })).toBe(1);
  });

  it("otherwise removes the user, their sessions, memberships and solo organizations, and logs it", async () => {
    const user = await createUser("del");
    const coOwner = await createUser("del-co");
    const session = await app.createSession(app.db, { userId: user.id });
    const shared = await createOrganization("shared", [
      { userId: user.id, role: "OWNER" },
      { userId: coOwner.id, role: "OWNER" },
    ]);
    const solo = await createOrganization("solo", [{ userId: user.id, role: "OWNER" }], "FREE");

    expect(await app.deleteAccount({ userId: user.id, sessionId: session.sessionId }, ctx)).toEqual(
      { ok: true, organizationsDeleted: 1 },
    );
    expect(await app.db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await app.readSession(app.db, session.token)).toBeNull();
    expect(await admin.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await app.db.organization.count({ where: { id: solo.id } })).toBe(0);
    expect(await app.db.organization.count({ where: { id: shared.id } })).toBe(1);
    const entry = await admin.auditLog.findFirst({
      where: { action: "account.deleted", targetId: user.id },
    });
    expect(entry).toMatchObject({ ipAddress: ctx.ipAddress, userAgent: ctx.userAgent });
    // The notice survives the user row, names the organizations that went with it, and no others.
    const [notice, ...more] = await queued(user.email, "accountDeleted");
    expect(more).toHaveLength(0);
    expect(notice?.subject).toMatch(/account was deleted/);
    expect(notice?.text).toContain("solo");
    expect(notice?.text).not.toContain("shared");
    expect(notice?.text).toContain("cannot be undone");
    expect(JSON.stringify(notice)).not.toContain(user.id);
  });

  it("queues no notice when the deletion is refused", async () => {
    const owner = await createUser("kept-owner");
    const member = await createUser("kept-member");
    await createOrganization("kept", [
      { userId: owner.id, role: "OWNER" },
      { userId: member.id, role: "MEMBER" },
    ]);
    const result = await app.deleteAccount(
      { userId: owner.id, sessionId: await sessionFor(owner.id) },
      ctx,
    );
    expect(result).toMatchObject({ ok: false });
    expect(await queued(owner.email, "accountDeleted")).toHaveLength(0);
  });
});
