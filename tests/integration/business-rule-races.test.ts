import { afterAll, describe, expect, it, vi } from "vitest";
import { startCheckoutAction } from "@/lib/billing/actions";
import { inviteMemberAction } from "@/lib/invitations/actions";
import { changeRoleAction, leaveOrganizationAction } from "@/lib/members/actions";
import { createProjectAction } from "@/lib/projects/actions";
import { adminDatabase } from "../support/admin-db";
import type { EmulatorSnapshot } from "@/scripts/stripe-emulator/state";
import { emulatorUrl } from "../support/stripe-test";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Business rules that count and then write (plan limits, the last owner, "already
 * subscribed") under requests that arrive together: each rule must hold as if the
 * requests had come one after the other. The calls overlap for real: the actions start
 * together and run their transactions on separate connections of the pool.
 */

// Many requests at once queue for the pool (one connection on the embedded database).
vi.setConfig({ testTimeout: 120_000 });

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

async function freeOrganization(label: string) {
  const org = await organization(admin, label, { plan: "free", status: "FREE" });
  const owner = await userWithSession(admin, `${label}-owner`, {
    organizationId: org.id,
    role: "OWNER",
  });
  return { org, owner };
}

describe("plan limits under concurrent requests", () => {
  it("ten projects created at once with one left under the limit: exactly one is created", async () => {
    // A few rounds, so an unguarded check has several chances to be beaten.
    for (let round = 0; round < 3; round++) {
      const { org, owner } = await freeOrganization(`race-projects-${round}`);
      await admin.project.createMany({
        data: [1, 2].map((i) => ({ organizationId: org.id, name: `Project ${i}` })),
      });
      callAs(owner.token, org.slug);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => createProjectAction({ name: `Rush ${i}` })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const refused of results.filter((r) => !r.ok)) {
        expect(refused).toMatchObject({ status: 402, code: "plan_limit" });
      }
      expect(await admin.project.count({ where: { organizationId: org.id } })).toBe(3);
    }
  });

  it("ten invitations sent at once with one seat left: exactly one is sent", async () => {
    const { org, owner } = await freeOrganization("race-seats");
    await userWithSession(admin, "race-seats-member", { organizationId: org.id, role: "MEMBER" });
    callAs(owner.token, org.slug);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inviteMemberAction({ email: `rush-${i}@example.test`, role: "MEMBER" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toMatchObject({ status: 402, code: "plan_limit" });
    }
    expect(await admin.invitation.count({ where: { organizationId: org.id } })).toBe(1);
  });
});

describe("the last owner under concurrent requests", () => {
  async function twoOwners(label: string) {
    const org = await organization(admin, label);
    const a = await userWithSession(admin, `${label}-a`, { organizationId: org.id, role: "OWNER" });
    const b = await userWithSession(admin, `${label}-b`, { organizationId: org.id, role: "OWNER" });
    return { org, a, b };
  }

  async function ownersOf(organizationId: string) {
    return admin.membership.count({ where: { organizationId, role: "OWNER" } });
  }

  // A few rounds, so an unguarded check has several chances to be beaten. Both calls of a
  // round go to the same organization's host; the caller is read when a call starts.
  const rounds = 4;

  it("two owners demoting each other at once leave one owner", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, a, b } = await twoOwners(`race-demote-${round}`);
      callAs(a.token, org.slug);
      const first = changeRoleAction({ membershipId: b.membershipId!, role: "ADMIN" });
      callAs(b.token, org.slug);
      const second = changeRoleAction({ membershipId: a.membershipId!, role: "ADMIN" });
      const results = await Promise.all([first, second]);
      expect(await ownersOf(org.id)).toBe(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      // Refused as the last owner, or because the caller is no longer an owner.
      expect([403, 409]).toContain(refused && !refused.ok ? refused.status : 0);
    }
  });

  it("the last two owners leaving at once leave one owner behind", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, a, b } = await twoOwners(`race-leave-${round}`);
      callAs(a.token, org.slug);
      const first = leaveOrganizationAction({});
      callAs(b.token, org.slug);
      const second = leaveOrganizationAction({});
      const results = await Promise.all([first, second]);
      expect(await ownersOf(org.id)).toBe(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
    }
  });
});

describe("checkout under concurrent requests", () => {
  it("two checkouts started at once open one Stripe checkout session for one customer", async () => {
    const { org, owner } = await freeOrganization("race-checkout");
    callAs(owner.token, org.slug);
    const results = await Promise.all([
      startCheckoutAction({ plan: "pro", interval: "month" }),
      startCheckoutAction({ plan: "pro", interval: "month" }),
    ]);
    const urls = results.map((r) => {
      if (!r.ok) throw new Error(`checkout failed: ${r.status} ${r.error}`);
      return r.data.url;
    });
    expect(urls[1]).toBe(urls[0]);
    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    const state = (await (
      await fetch(`${emulatorUrl()}/_emulator/state`)
    ).json()) as EmulatorSnapshot;
    const customers = state.customers.filter((c) => c.metadata.organizationId === org.id);
    expect(customers.map((c) => c.id)).toEqual([row.stripeCustomerId]);
    const sessions = state.checkoutSessions.filter((s) => s.client_reference_id === org.id);
    expect(sessions).toHaveLength(1);
  });
});
