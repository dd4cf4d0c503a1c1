import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forgetPlacements } from "@/lib/db/tenant-databases/placement";
import { closeTenantDatabasePools } from "@/lib/db/tenant-databases/pools";
import { dismissChecklistAction } from "@/lib/onboarding/actions";
import { billingSnapshot } from "@/lib/billing/plans/entitlements";
import { readOrganizationHome } from "@/lib/org-home/read";
import { getCurrentMember } from "@/lib/tenancy/current-member";
import { adminDatabase } from "../support/admin-db";
import {
  createDedicatedDatabase,
  placeOrganization,
  type DedicatedDatabase,
} from "../support/dedicated-tenant";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The organization's home page as its reader computes it, on a real database: the checklist
 * ticks itself from the organization's state, dismissing it is the organization's owners' and
 * admins' call, and recent activity shows a member only what a member may see.
 */

const admin = adminDatabase();
const free = { plan: "free", status: "FREE" } as const;
const DAY = 24 * 60 * 60 * 1000;

afterAll(async () => {
  await admin.$disconnect();
});

/** The home page's data for the holder of `token`, through the page's own request path. */
async function homeAs(token: string, slug: string) {
  callAs(token, slug);
  const member = await getCurrentMember();
  if (!member) throw new Error("not a member");
  return member.read(async (tx) =>
    readOrganizationHome(
      tx,
      { organizationId: member.organization.id, userId: member.userId, role: member.role },
      await billingSnapshot(tx, member.organization.id),
    ),
  );
}

const done = (home: Awaited<ReturnType<typeof homeAs>>) =>
  Object.fromEntries(home.checklist.items.map((item) => [item.id, item.done]));

describe("the getting-started checklist", () => {
  it("ticks each item when its condition becomes true, and goes when all are done", async () => {
    const org = await organization(admin, "checklist", free);
    const owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
    let home = await homeAs(owner.token, org.slug);
    expect(done(home)).toEqual({
      project: false,
      teammate: false,
      plan: false,
      "two-factor": false,
    });
    expect(home.checklist.visible).toBe(true);

    await admin.project.create({ data: { organizationId: org.id, name: "First" } });
    home = await homeAs(owner.token, org.slug);
    expect(done(home)).toMatchObject({ project: true, teammate: false });
    expect(home.projects).toBe(1);

    // An expired invitation is nobody coming; an open one is a teammate on the way.
    await admin.invitation.create({
      data: {
        organizationId: org.id,
        email: "late@example.test",
        tokenHash: `expired-${org.id}`,
        expiresAt: new Date(Date.now() - DAY),
      },
    });
    expect(done(await homeAs(owner.token, org.slug)).teammate).toBe(false);
    await admin.invitation.create({
      data: {
        organizationId: org.id,
        email: "soon@example.test",
        tokenHash: `open-${org.id}`,
        expiresAt: new Date(Date.now() + 7 * DAY),
      },
    });
    home = await homeAs(owner.token, org.slug);
    expect(done(home)).toMatchObject({ teammate: true, plan: false });
    expect(home).toMatchObject({ members: 1, pendingInvitations: 1 });

    await admin.subscription.update({
      where: { organizationId: org.id },
      data: { plan: "pro", status: "TRIALING", trialEndsAt: new Date(Date.now() + 14 * DAY) },
    });
    home = await homeAs(owner.token, org.slug);
    expect(done(home)).toMatchObject({ plan: true, "two-factor": false });
    expect(home.plan).toEqual({ name: "Pro", status: "TRIALING", trialDaysLeft: 14 });
    expect(home.seats).toEqual({ used: 2, included: 25 });
    // Pro meters API calls: the home page shows this month's.
    expect(home.usage).toEqual({ calls: 0, includedCalls: 10_000 });
    const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    const other = await organization(admin, "checklist-other", free);
    await admin.usageCounter.createMany({
      data: [
        {
          organizationId: org.id,
          apiKeyId: "k",
          bucketStart: monthStart,
          source: "redis",
          count: 40,
        },
        {
          organizationId: org.id,
          apiKeyId: "k",
          bucketStart: new Date(),
          source: "redis",
          count: 2,
        },
        // Last month's, and another organization's, are not this month's calls.
        {
          organizationId: org.id,
          apiKeyId: "k",
          bucketStart: new Date(monthStart.getTime() - 60_000),
          source: "redis",
          count: 500,
        },
        {
          organizationId: other.id,
          apiKeyId: "k",
          bucketStart: new Date(),
          source: "redis",
          count: 7,
        },
      ],
    });
    home = await homeAs(owner.token, org.slug);
    expect(home.usage).toEqual({ calls: 42, includedCalls: 10_000 });

    await admin.user.update({ where: { id: owner.id }, data: { twoFactorEnabledAt: new Date() } });
    home = await homeAs(owner.token, org.slug);
    expect(home.checklist).toMatchObject({ completed: 4, visible: false });
  });

  it("counts a second member as a teammate, and two-factor per viewer", async () => {
    const org = await organization(admin, "team", free);
    const owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
    const member = await userWithSession(admin, "member", {
      organizationId: org.id,
      role: "MEMBER",
    });
    await admin.user.update({ where: { id: owner.id }, data: { twoFactorEnabledAt: new Date() } });
    expect(done(await homeAs(owner.token, org.slug))).toMatchObject({
      teammate: true,
      "two-factor": true,
    });
    const asMember = await homeAs(member.token, org.slug);
    expect(done(asMember)).toMatchObject({ teammate: true, "two-factor": false });
    // A free plan meters nothing: no usage card.
    expect(asMember.usage).toBeNull();
    expect(asMember.checklist.canDismiss).toBe(false);
  });
});

describe("dismissing the checklist", () => {
  let org: Awaited<ReturnType<typeof organization>>;
  let other: Awaited<ReturnType<typeof organization>>;
  const users = {} as Record<
    "owner" | "admin" | "member" | "outsider",
    Awaited<ReturnType<typeof userWithSession>>
  >;

  beforeAll(async () => {
    org = await organization(admin, "dismiss", free);
    other = await organization(admin, "elsewhere", free);
    users.owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
    users.admin = await userWithSession(admin, "admin", { organizationId: org.id, role: "ADMIN" });
    users.member = await userWithSession(admin, "member", {
      organizationId: org.id,
      role: "MEMBER",
    });
    users.outsider = await userWithSession(admin, "outsider", {
      organizationId: other.id,
      role: "OWNER",
    });
  });

  const dismissedAt = async () =>
    (
      await admin.organization.findUniqueOrThrow({
        where: { id: org.id },
        select: { onboardingDismissedAt: true },
      })
    ).onboardingDismissedAt;

  it("is refused to a member, to another organization's owner, and to the signed out", async () => {
    callAs(users.member.token, org.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: false, status: 403 });
    callAs(users.outsider.token, org.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: false, status: 404 });
    callAs(undefined, org.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: false, status: 401 });
    // The outsider's own organization is theirs to dismiss, and that touches only it.
    callAs(users.outsider.token, other.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: true });
    expect(await dismissedAt()).toBeNull();
    expect((await homeAs(users.owner.token, org.slug)).checklist.visible).toBe(true);
  });

  it("refuses anything posted with it", async () => {
    callAs(users.owner.token, org.slug);
    expect(await dismissChecklistAction({ organizationId: other.id })).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await dismissedAt()).toBeNull();
  });

  it("persists for the whole organization, audited once", async () => {
    callAs(users.admin.token, org.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: true });
    const first = await dismissedAt();
    expect(first).toBeInstanceOf(Date);
    callAs(users.owner.token, org.slug);
    expect(await dismissChecklistAction({})).toMatchObject({ ok: true });
    expect(await dismissedAt()).toEqual(first);
    const entries = await admin.auditLog.findMany({
      where: { organizationId: org.id, action: "organization.checklist_dismissed" },
    });
    expect(entries).toMatchObject([{ actorId: users.admin.id }]);
    for (const who of ["owner", "member"] as const) {
      const home = await homeAs(users[who].token, org.slug);
      expect(home.checklist.visible, who).toBe(false);
    }
  });
});

describe("recent activity", () => {
  it("shows owners the latest five entries as sentences, and members only theirs to see", async () => {
    const org = await organization(admin, "activity", free);
    const owner = await userWithSession(admin, "Olivia", { organizationId: org.id, role: "OWNER" });
    const member = await userWithSession(admin, "Max", { organizationId: org.id, role: "MEMBER" });
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));
    await admin.auditLog.createMany({
      data: [
        ...["Alpha", "Beta", "Gamma", "Delta"].map((name, i) => ({
          organizationId: org.id,
          actorId: owner.id,
          action: "project.created",
          metadata: { name },
          createdAt: at(i),
        })),
        {
          organizationId: org.id,
          actorId: owner.id,
          action: "member.invited",
          metadata: { email: "secret-invitee@example.test", role: "MEMBER" },
          createdAt: at(10),
        },
        {
          organizationId: org.id,
          actorId: owner.id,
          action: "api.key_created",
          metadata: { name: "CI", scopes: ["projects:read"] },
          createdAt: at(11),
        },
        {
          // No address in the entry: the member's name comes from their user row.
          organizationId: org.id,
          actorId: owner.id,
          action: "member.role_changed",
          targetType: "user",
          targetId: member.id,
          metadata: { from: "ADMIN", to: "MEMBER" },
          createdAt: at(12),
        },
      ],
    });
    const forOwner = await homeAs(owner.token, org.slug);
    expect(forOwner.activity.map((entry) => entry.sentence)).toEqual([
      "Olivia changed Max’s role from Admin to Member.",
      "Olivia created the API key CI with access to projects:read.",
      "Olivia invited secret-invitee@example.test as a Member.",
      "Olivia created the project Delta.",
      "Olivia created the project Gamma.",
    ]);
    const forMember = await homeAs(member.token, org.slug);
    expect(forMember.activity.map((entry) => entry.sentence)).toEqual([
      "Olivia created the project Delta.",
      "Olivia created the project Gamma.",
      "Olivia created the project Beta.",
      "Olivia created the project Alpha.",
    ]);
    expect(JSON.stringify(forMember)).not.toContain("secret-invitee");
  });

  it("is empty for a new organization with nothing logged", async () => {
    const org = await organization(admin, "quiet", free);
    const owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
    expect((await homeAs(owner.token, org.slug)).activity).toEqual([]);
  });
});

describe("an organization in a dedicated database", () => {
  let dedicated: DedicatedDatabase;
  beforeAll(async () => {
    dedicated = await createDedicatedDatabase(admin, `home-${Date.now().toString(36)}`);
  });
  afterAll(async () => {
    await closeTenantDatabasePools();
    await dedicated.drop();
  });

  it("counts its projects and shows its activity from there", async () => {
    const org = await organization(admin, "dedicated-home", free);
    const owner = await userWithSession(admin, "Dana", { organizationId: org.id, role: "OWNER" });
    await placeOrganization(admin, org.id, dedicated.id);
    forgetPlacements();
    await dedicated.admin.project.createMany({
      data: [
        { organizationId: org.id, name: "Over there" },
        { organizationId: org.id, name: "Also there" },
      ],
    });
    await dedicated.admin.auditLog.create({
      data: {
        organizationId: org.id,
        actorId: owner.id,
        action: "project.created",
        metadata: { name: "Over there" },
      },
    });
    const home = await homeAs(owner.token, org.slug);
    expect(home.projects).toBe(2);
    expect(done(home).project).toBe(true);
    expect(home.activity.map((entry) => entry.sentence)).toEqual([
      "Dana created the project Over there.",
    ]);
  });
});
