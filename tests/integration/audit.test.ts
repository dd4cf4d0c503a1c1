import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActions, isAuditAction } from "@/lib/audit/actions";
import { recordAudit, USER_AGENT_MAX_LENGTH } from "@/lib/audit/record";
import { createDatabaseClient, type Database } from "@/lib/db/create-client";

let db: Database;
let actorId: string;

beforeAll(async () => {
  db = createDatabaseClient(process.env.DIRECT_URL || process.env.DATABASE_URL!, { poolSize: 2 });
  const actor = await db.user.create({
    data: { email: `audit-${randomUUID()}@example.com` },
    select: { id: true },
  });
  actorId = actor.id;
});

afterAll(async () => {
  await db.$disconnect();
});

/** A target id no other test uses, to find exactly the rows a test wrote. */
const newTarget = () => `target-${randomUUID()}`;

describe("recordAudit", () => {
  it("writes the entry inside a committed transaction", async () => {
    const targetId = newTarget();
    const id = await db.$transaction((tx) =>
      recordAudit(tx, {
        action: "auth.password_changed",
        actorId,
        targetType: "user",
        targetId,
        ipAddress: "203.0.113.7",
        userAgent: "Mozilla/5.0",
        metadata: { method: "settings", sessionsRevoked: 2 },
      }),
    );

    const row = await db.auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      action: "auth.password_changed",
      actorId,
      organizationId: null,
      targetType: "user",
      targetId,
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      metadata: { method: "settings", sessionsRevoked: 2 },
    });
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it("leaves no row when the transaction rolls back", async () => {
    const targetId = newTarget();
    let writtenId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        writtenId = await recordAudit(tx, { action: "auth.password_reset", actorId, targetId });
        // Visible inside the transaction…
        expect(await tx.auditLog.count({ where: { targetId } })).toBe(1);
        throw new Error("the change being audited failed");
      }),
    ).rejects.toThrow("the change being audited failed");

    expect(writtenId).toEqual(expect.any(String));
    // …and gone with it.
    expect(await db.auditLog.findUnique({ where: { id: writtenId! } })).toBeNull();
    expect(await db.auditLog.count({ where: { targetId } })).toBe(0);
  });

  it("also writes through the plain client, with optional fields left null", async () => {
    const id = await recordAudit(db, { action: "auth.sign_in_failed" });
    const row = await db.auditLog.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      action: "auth.sign_in_failed",
      actorId: null,
      organizationId: null,
      targetType: null,
      targetId: null,
      ipAddress: null,
      userAgent: null,
      metadata: null,
    });
  });

  it(`caps the user agent at ${USER_AGENT_MAX_LENGTH} characters and drops control characters`, async () => {
    const long = `Agent/1.0 ${"x".repeat(1000)}`;
    const id = await recordAudit(db, { action: "auth.sign_in", actorId, userAgent: long });
    const row = await db.auditLog.findUniqueOrThrow({ where: { id } });
    expect(row.userAgent).toHaveLength(USER_AGENT_MAX_LENGTH);
    expect(row.userAgent).toBe(long.slice(0, USER_AGENT_MAX_LENGTH));

    const controlId = await recordAudit(db, {
      action: "auth.sign_in",
      userAgent: "Agent\u0000/2.0\r\n",
    });
    const controlRow = await db.auditLog.findUniqueOrThrow({ where: { id: controlId } });
    expect(controlRow.userAgent).toBe("Agent/2.0");
  });

  it("stores an invalid IP address as null and a valid one canonically", async () => {
    const stored = async (ipAddress: string) => {
      const id = await recordAudit(db, { action: "auth.sign_in_failed", ipAddress });
      return (await db.auditLog.findUniqueOrThrow({ where: { id } })).ipAddress;
    };
    expect(await stored("not-an-ip")).toBeNull();
    expect(await stored("203.0.113.7, 10.0.0.1")).toBeNull();
    expect(await stored("999.1.1.1")).toBeNull();
    expect(await stored("2001:DB8::1")).toBe("2001:db8::1");
    expect(await stored("::ffff:198.51.100.4")).toBe("198.51.100.4");
  });

  it("strips metadata keys that look like secrets, at any depth", async () => {
    const id = await recordAudit(db, {
      action: "auth.oauth_linked",
      actorId,
      metadata: {
        provider: "github",
        password: "hunter2",
        newPassword: "hunter3",
        token: "t",
        accessToken: "a",
        refresh_token: "r",
        clientSecret: "s",
        recoveryCode: "c",
        "recovery-codes": ["c1", "c2"],
        OTPCode: "123456",
        otp: "654321",
        apiKey: "k",
        API_KEY: "K",
        authorization: "Bearer x",
        encodedLength: 12,
        attempts: 3,
        profile: { login: "ada", idToken: "i", scopes: ["read:user"] },
        links: [{ url: "https://example.com", secret: "s" }, null, "plain"],
      },
    });
    const row = await db.auditLog.findUniqueOrThrow({ where: { id } });
    expect(row.metadata).toEqual({
      provider: "github",
      encodedLength: 12,
      attempts: 3,
      profile: { login: "ada", scopes: ["read:user"] },
      links: [{ url: "https://example.com" }, null, "plain"],
    });
  });
});

describe("audit actions", () => {
  it("are dotted verbs, each listed once", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    for (const action of auditActions) expect(action).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
    expect(isAuditAction("auth.sign_in")).toBe(true);
    expect(isAuditAction("auth.sign_in_maybe")).toBe(false);
  });
});
