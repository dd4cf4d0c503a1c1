import { afterAll, describe, expect, it, vi } from "vitest";
import {
  createOrganizationAction,
  deleteOrganizationAction,
  transferOwnershipAction,
  updateOrganizationAction,
} from "@/lib/organizations/actions";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});
const slugFor = (label: string) => `${label}-${Date.now().toString(36)}`;

describe("creating an organization", () => {
  it("makes the confirmed user its owner, on the Free plan, and logs it", async () => {
    const user = await userWithSession(admin, "founder");
    callAs(user.token);
    const slug = slugFor("initech");
    const result = await createOrganizationAction({ name: "Initech", slug });
    expect(result).toMatchObject({ ok: true, data: { slug, name: "Initech" } });
    const org = await admin.organization.findUniqueOrThrow({
      where: { slug },
      include: { memberships: true, subscription: true, auditLogs: true },
    });
    expect(org.memberships).toMatchObject([{ userId: user.id, role: "OWNER" }]);
    expect(org.subscription).toMatchObject({ status: "FREE", plan: "free" });
    expect(org.auditLogs.map((a) => a.action)).toEqual(["organization.created"]);
  });

  it("refuses an unconfirmed address, and signed-out callers", async () => {
    const user = await userWithSession(admin, "unconfirmed", undefined, { verified: false });
    const slug = slugFor("nope");
    callAs(user.token);
    expect(await createOrganizationAction({ name: "Nope", slug })).toMatchObject({
      ok: false,
      status: 403,
    });
    callAs(undefined);
    expect(await createOrganizationAction({ name: "Nope", slug })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await admin.organization.count({ where: { slug } })).toBe(0);
  });

  it("explains invalid, reserved and taken addresses next to the field", async () => {
    const user = await userWithSession(admin, "picky");
    callAs(user.token);
    for (const [slug, message] of [
      ["ab", "at least 3"],
      ["Has Spaces", "lowercase letters"],
      ["admin", "reserved"],
      ["-edge", "Start and end"],
    ] as const) {
      const result = await createOrganizationAction({ name: "Picky", slug });
      expect(result.ok ? {} : result.fieldErrors?.slug, slug).toContain(message);
    }
    const taken = slugFor("taken");
    expect((await createOrganizationAction({ name: "First", slug: taken })).ok).toBe(true);
    const second = await createOrganizationAction({ name: "Second", slug: taken });
    expect(second).toMatchObject({ ok: false, status: 409 });
    expect(second.ok ? "" : second.fieldErrors?.slug).toMatch(/taken/);
    expect(
      await createOrganizationAction({ name: "X", slug: taken, ownerId: user.id }),
    ).toMatchObject({ ok: false, status: 422 });
  });

  it("lets exactly one of two simultaneous requests have an address", async () => {
    const [a, b] = [
      await userWithSession(admin, "racer-a"),
      await userWithSession(admin, "racer-b"),
    ];
    const slug = slugFor("race");
    callAs(a.token);
    const first = createOrganizationAction({ name: "Race A", slug });
    callAs(b.token);
    const second = createOrganizationAction({ name: "Race B", slug });
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 409)).toHaveLength(1);
    const owners = await admin.membership.findMany({ where: { organization: { slug } } });
    expect(owners).toHaveLength(1);
    expect([a.id, b.id]).toContain(owners[0]?.userId);
    const winner = results.findIndex((r) => r.ok);
    expect(owners[0]?.userId).toBe([a.id, b.id][winner]);
  });
});

describe("settings", () => {
  it("lets admins rename, not members", async () => {
    const org = await organization(admin, "renamable");
    const adminUser = await userWithSession(admin, "adm", {
      organizationId: org.id,
      role: "ADMIN",
    });
    const member = await userWithSession(admin, "mem", { organizationId: org.id, role: "MEMBER" });
    callAs(member.token, org.slug);
    expect(await updateOrganizationAction({ name: "Hijacked" })).toMatchObject({ status: 403 });
    callAs(adminUser.token, org.slug);
    expect(await updateOrganizationAction({ name: "Renamed Co" })).toMatchObject({ ok: true });
    expect((await admin.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(
      "Renamed Co",
    );
  });

  it("deletes only with the exact slug typed, by an owner, with everything in it", async () => {
    const org = await organization(admin, "doomed");
    const owner = await userWithSession(admin, "own", { organizationId: org.id, role: "OWNER" });
    const adminUser = await userWithSession(admin, "adm", {
      organizationId: org.id,
      role: "ADMIN",
    });
    await admin.project.create({ data: { organizationId: org.id, name: "Doomed project" } });

    callAs(adminUser.token, org.slug);
    expect(await deleteOrganizationAction({ confirmSlug: org.slug })).toMatchObject({
      status: 403,
    });
    callAs(owner.token, org.slug);
    const wrong = await deleteOrganizationAction({ confirmSlug: "something-else" });
    expect(wrong.ok ? "" : wrong.fieldErrors?.confirmSlug).toContain(org.slug);
    expect(await admin.organization.count({ where: { id: org.id } })).toBe(1);

    expect(await deleteOrganizationAction({ confirmSlug: org.slug })).toMatchObject({ ok: true });
    expect(await admin.organization.count({ where: { id: org.id } })).toBe(0);
    expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await admin.membership.count({ where: { organizationId: org.id } })).toBe(0);
    const entry = await admin.auditLog.findFirstOrThrow({
      where: { action: "organization.deleted", targetId: org.id },
    });
    expect(entry).toMatchObject({ organizationId: null, actorId: owner.id });
    expect(entry.metadata).toMatchObject({ slug: org.slug });
  });

  it("transfers ownership to a member: they become owner, the owner an admin", async () => {
    const org = await organization(admin, "handover");
    const owner = await userWithSession(admin, "own", { organizationId: org.id, role: "OWNER" });
    const heir = await userWithSession(admin, "heir", { organizationId: org.id, role: "MEMBER" });
    const other = await organization(admin, "elsewhere");
    const outsider = await userWithSession(admin, "out", {
      organizationId: other.id,
      role: "MEMBER",
    });

    callAs(heir.token, org.slug);
    expect(await transferOwnershipAction({ membershipId: heir.membershipId })).toMatchObject({
      status: 403,
    });
    callAs(owner.token, org.slug);
    // Someone of another organization is not a member here: not found, nothing changes.
    expect(await transferOwnershipAction({ membershipId: outsider.membershipId })).toMatchObject({
      status: 404,
    });
    expect(await transferOwnershipAction({ membershipId: heir.membershipId })).toMatchObject({
      ok: true,
    });
    const roles = Object.fromEntries(
      (await admin.membership.findMany({ where: { organizationId: org.id } })).map((m) => [
        m.userId,
        m.role,
      ]),
    );
    expect(roles).toEqual({ [owner.id]: "ADMIN", [heir.id]: "OWNER" });
    expect((await admin.membership.findFirstOrThrow({ where: { userId: outsider.id } })).role).toBe(
      "MEMBER",
    );
  });
});
