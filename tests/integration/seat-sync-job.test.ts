import { afterAll, describe, expect, it, vi } from "vitest";
import { stripe } from "@/lib/billing/stripe/client";
import { acceptInvitationByIdAction, inviteMemberAction } from "@/lib/invitations/actions";
import { runJobs } from "@/lib/jobs/run";
import { leaveOrganizationAction, removeMemberAction } from "@/lib/members/actions";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { emulatorClient } from "../support/stripe-test";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Membership changes make no Stripe call in the request: they queue a seat-sync job in
 * their transaction, and the job brings Stripe's quantity to the member count.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

/** Every request the app's Stripe client sends while `fn` runs. */
async function stripeRequestsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (event: { method: string; path: string }) =>
    void seen.push(`${event.method} ${event.path}`);
  stripe().on("request", listener);
  try {
    await fn();
  } finally {
    stripe().off("request", listener);
  }
  return seen;
}

const seatSyncs = (organizationId: string) =>
  admin.outboxMessage.findMany({
    where: { kind: "seat-sync", payload: { path: ["organizationId"], equals: organizationId } },
    select: { id: true, status: true },
  });

async function quantityAtStripe(subscriptionId: string) {
  return (await emulatorClient().subscriptions.retrieve(subscriptionId)).items.data[0]!.quantity;
}

describe("seat sync as a job", () => {
  it("removing a member calls Stripe only from the job, which then updates the quantity", async () => {
    const paid = await paidOrganization(admin, "seat-job");
    await deliverRecordedEvents(paid.customerId);
    const joiner = await userWithSession(admin, "seat-job-joiner");
    callAs(paid.owner.token, paid.org.slug);
    const invited = await inviteMemberAction({ email: joiner.email, role: "MEMBER" });
    if (!invited.ok) throw new Error(invited.error);

    callAs(joiner.token);
    const joining = await stripeRequestsDuring(async () => {
      expect(
        await acceptInvitationByIdAction({ invitationId: invited.data.invitationId }),
      ).toMatchObject({ ok: true });
    });
    expect(joining).toEqual([]);
    expect(await quantityAtStripe(paid.subscription.id)).toBe(1);
    const afterJoin = await seatSyncs(paid.org.id);
    expect(afterJoin.map((job) => job.status)).toEqual(["PENDING"]);
    await runJobs({ ids: afterJoin.map((job) => job.id) });
    expect(await quantityAtStripe(paid.subscription.id)).toBe(2);

    const membership = await admin.membership.findFirstOrThrow({
      where: { organizationId: paid.org.id, userId: joiner.id },
    });
    callAs(paid.owner.token, paid.org.slug);
    const removing = await stripeRequestsDuring(async () => {
      expect(await removeMemberAction({ membershipId: membership.id })).toMatchObject({
        ok: true,
      });
    });
    expect(removing).toEqual([]);
    expect(await quantityAtStripe(paid.subscription.id)).toBe(2);

    const pending = (await seatSyncs(paid.org.id)).filter((job) => job.status === "PENDING");
    expect(pending).toHaveLength(1);
    const running = await stripeRequestsDuring(() => runJobs({ ids: pending.map((j) => j.id) }));
    expect(running.some((line) => line.startsWith("POST /v1/subscriptions/"))).toBe(true);
    expect(await quantityAtStripe(paid.subscription.id)).toBe(1);
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }))
        .seats,
    ).toBe(1);
  });

  it("leaving queues the sync too", async () => {
    const paid = await paidOrganization(admin, "seat-leave");
    await deliverRecordedEvents(paid.customerId);
    const member = await userWithSession(admin, "seat-leaver", {
      organizationId: paid.org.id,
      role: "MEMBER",
    });
    callAs(member.token, paid.org.slug);
    const leaving = await stripeRequestsDuring(async () => {
      expect(await leaveOrganizationAction({})).toMatchObject({ ok: true });
    });
    expect(leaving).toEqual([]);
    expect((await seatSyncs(paid.org.id)).map((job) => job.status)).toEqual(["PENDING"]);
  });

  it("an organization without a Stripe subscription queues nothing", async () => {
    const org = await organization(admin, "seat-free", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "seat-free-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    const member = await userWithSession(admin, "seat-free-member", {
      organizationId: org.id,
      role: "MEMBER",
    });
    callAs(owner.token, org.slug);
    expect(await removeMemberAction({ membershipId: member.membershipId! })).toMatchObject({
      ok: true,
    });
    expect(await seatSyncs(org.id)).toEqual([]);
  });
});
