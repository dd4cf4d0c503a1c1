import type Stripe from "stripe";
import { afterAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { adminDatabase } from "../support/admin-db";
import { paidOrganization } from "../support/billing-fixtures";
import { emulatorClient, emulatorControl, eventsOf, signedRequest } from "../support/stripe-test";
import { userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
// Emails stay in the outbox, where the tests count them.
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The trial's first and last emails: "trial started" once per subscription however often
 * Stripe delivers, and "trial ended" only when the trial ends without a payment.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

const deliver = (event: Stripe.Event) => POST(signedRequest(JSON.stringify(event)));

async function deliverAll(customerId: string, times = 1) {
  for (let round = 0; round < times; round++) {
    for (const event of await eventsOf(customerId)) {
      expect((await deliver(event)).status).toBe(200);
    }
  }
}

const emails = (to: string, template: string) =>
  admin.outboxMessage.findMany({
    where: {
      payload: { path: ["to"], equals: to },
      AND: { payload: { path: ["template"], equals: template } },
    },
  });

describe("trial started", () => {
  it("is queued once per owner when the trialing subscription is first recorded", async () => {
    const paid = await paidOrganization(admin, "te-start");
    const coOwner = await userWithSession(admin, "te-start-owner2", {
      organizationId: paid.org.id,
      role: "OWNER",
    });
    const member = await userWithSession(admin, "te-start-member", {
      organizationId: paid.org.id,
      role: "MEMBER",
    });
    const created = paid.events.find((e) => e.type === "customer.subscription.created")!;
    // The same event three times at once, then everything recorded, twice over.
    await Promise.all([deliver(created), deliver(created), deliver(created)]);
    await deliverAll(paid.customerId, 2);
    // A later change during the trial (a new event) is no new start.
    await emulatorClient().subscriptions.update(paid.subscription.id, {
      metadata: { note: "x" },
      cancel_at_period_end: true,
    });
    await deliverAll(paid.customerId);

    const [mail, ...more] = await emails(paid.owner.email, "trialStarted");
    expect(more).toHaveLength(0);
    expect(await emails(coOwner.email, "trialStarted")).toHaveLength(1);
    expect(await emails(member.email, "trialStarted")).toHaveLength(0);
    const payload = mail!.payload as { subject: string; text: string };
    expect(payload.subject).toBe(`Your Pro trial for ${paid.org.name} has started`);
    expect(payload.text).toContain(encodeURIComponent("/settings/billing"));
  });
});

describe("trial ended", () => {
  it("is queued once when the first invoice fails at the end of the trial", async () => {
    const paid = await paidOrganization(admin, "te-unpaid");
    await deliverAll(paid.customerId);
    expect(await emails(paid.owner.email, "trialEnded")).toHaveLength(0);

    await emulatorControl(paid.subscription.id, "end_trial_unpaid");
    await deliverAll(paid.customerId, 2);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("PAST_DUE");
    const ended = await emails(paid.owner.email, "trialEnded");
    expect(ended).toHaveLength(1);
    expect((ended[0]!.payload as { subject: string }).subject).toBe(
      `The Pro trial of ${paid.org.name} has ended`,
    );
  });

  it("is queued when the trial runs out without a payment method and Stripe cancels", async () => {
    const paid = await paidOrganization(admin, "te-canceled", { plan: "business" });
    await deliverAll(paid.customerId);
    await emulatorControl(paid.subscription.id, "end_trial_canceled");
    await deliverAll(paid.customerId);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "CANCELED", plan: "free" });
    const ended = await emails(paid.owner.email, "trialEnded");
    expect(ended).toHaveLength(1);
    // The plan that was tried, not the Free plan the row now says.
    expect((ended[0]!.payload as { subject: string }).subject).toContain("Business trial");
  });

  it("is not queued when the trial converts into a paid subscription", async () => {
    const paid = await paidOrganization(admin, "te-paid");
    await deliverAll(paid.customerId);
    await emulatorControl(paid.subscription.id, "end_trial");
    await deliverAll(paid.customerId);
    // A later failed renewal is a payment problem, not the end of a trial.
    await emulatorControl(paid.subscription.id, "fail_renewal");
    await deliverAll(paid.customerId);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("PAST_DUE");
    expect(await emails(paid.owner.email, "trialEnded")).toHaveLength(0);
  });
});
