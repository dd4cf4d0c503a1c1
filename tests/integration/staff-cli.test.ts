import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDatabase } from "../support/admin-db";

/**
 * `npm run staff -- grant|revoke <email>` (scripts/staff.ts over lib/admin/staff.ts): the
 * only way in or out of the staff role, written to the audit log each time it changes.
 */

async function load() {
  const [{ db }, staff] = await Promise.all([import("@/lib/db"), import("@/lib/admin/staff")]);
  return { db, ...staff };
}
let app: Awaited<ReturnType<typeof load>>;
const admin = adminDatabase();
let counter = 0;

async function person(label: string) {
  const email = `${label}-${Date.now().toString(36)}-${++counter}@example.test`;
  return admin.user.create({ data: { email, emailVerified: new Date() } });
}

const entries = (userId: string) =>
  admin.auditLog.findMany({
    where: { targetType: "user", targetId: userId, action: { startsWith: "staff." } },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, organizationId: true, metadata: true },
  });

beforeAll(async () => {
  app = await load();
});

afterAll(async () => {
  await app.db.$disconnect();
  await admin.$disconnect();
});

describe("setStaff", () => {
  it("grants staff by address (any case, spaces trimmed) and records it", async () => {
    const user = await person("grant");
    const now = new Date("2026-11-30T12:00:00Z");
    const result = await app.setStaff(app.db, `  ${user.email.toUpperCase()} `, true, now);
    expect(result).toEqual({ ok: true, changed: true, userId: user.id });
    const stored = await admin.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.staffSince).toEqual(now);
    expect(await entries(user.id)).toEqual([
      { action: "staff.granted", actorId: null, organizationId: null, metadata: { via: "cli" } },
    ]);
  });

  it("revokes staff and records it", async () => {
    const user = await person("revoke");
    await app.setStaff(app.db, user.email, true);
    expect(await app.setStaff(app.db, user.email, false)).toEqual({
      ok: true,
      changed: true,
      userId: user.id,
    });
    expect((await admin.user.findUniqueOrThrow({ where: { id: user.id } })).staffSince).toBeNull();
    expect((await entries(user.id)).map((e) => e.action)).toEqual([
      "staff.granted",
      "staff.revoked",
    ]);
  });

  it("is idempotent: a second grant or revoke changes nothing and records nothing", async () => {
    const user = await person("twice");
    const first = new Date("2026-11-01T00:00:00Z");
    await app.setStaff(app.db, user.email, true, first);
    expect(await app.setStaff(app.db, user.email, true, new Date())).toEqual({
      ok: true,
      changed: false,
      userId: user.id,
    });
    // The original date stays: it says since when the person has been staff.
    expect((await admin.user.findUniqueOrThrow({ where: { id: user.id } })).staffSince).toEqual(
      first,
    );
    await app.setStaff(app.db, user.email, false);
    expect(await app.setStaff(app.db, user.email, false)).toMatchObject({ changed: false });
    expect(await entries(user.id)).toHaveLength(2);
  });

  it("refuses an address nobody uses, without creating anyone", async () => {
    const email = `nobody-${Date.now().toString(36)}@example.test`;
    expect(await app.setStaff(app.db, email, true)).toEqual({ ok: false, reason: "no_such_user" });
    expect(await admin.user.count({ where: { email } })).toBe(0);
  });
});
