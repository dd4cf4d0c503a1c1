import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { stripe } from "@/lib/billing/stripe/client";
import { adminDatabase } from "../support/admin-db";
import { paidOrganization } from "../support/billing-fixtures";
import { captureLogs } from "../support/log-capture";
import {
  emulatorClient,
  emulatorControl,
  eventAbout,
  eventsOf,
  signedRequest,
} from "../support/stripe-test";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
// Emails stay in the outbox, where the tests count them.
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The Stripe webhook route, driven with events the emulator produced and signed like
 * Stripe signs them: signature checks, exactly-once effects under concurrent duplicate
 * deliveries, order-independence, and the events Keel does not know.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

const deliver = (event: Stripe.Event | object) => POST(signedRequest(JSON.stringify(event)));

/** Everything the webhook may write about an organization, to compare before and after. */
async function footprint(organizationId: string) {
  const [subscription, billingEvents, outbox, audit] = await Promise.all([
    admin.subscription.findUnique({ where: { organizationId } }),
    admin.billingEvent.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } }),
    admin.outboxMessage.count(),
    admin.auditLog.count({ where: { organizationId } }),
  ]);
  return JSON.stringify({ subscription, billingEvents, outbox, audit });
}

function pick(events: Stripe.Event[], type: string): Stripe.Event {
  const event = events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type} among ${events.map((e) => e.type).join(", ")}`);
  return event;
}

describe("signature", () => {
  let event: Stripe.Event;
  let organizationId: string;
  beforeAll(async () => {
    const paid = await paidOrganization(admin, "wh-sig");
    event = pick(paid.events, "customer.subscription.created");
    organizationId = paid.org.id;
  });

  async function expectRefused(request: Request) {
    const before = await footprint(organizationId);
    const stored = await admin.stripeEvent.count();
    const response = await POST(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty("error");
    expect(await admin.stripeEvent.count()).toBe(stored);
    expect(await footprint(organizationId)).toBe(before);
  }

  it("refuses a made-up signature", async () => {
    const payload = JSON.stringify(event);
    await expectRefused(signedRequest(payload, { signature: "t=1,v1=deadbeef" }));
  });

  it("refuses a payload signed with another secret", async () => {
    await expectRefused(
      signedRequest(JSON.stringify(event), { secret: "whsec_not_the_endpoint_secret" }),
    );
  });

  it("refuses a signature 301 seconds old (a replay)", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 301;
    await expectRefused(signedRequest(JSON.stringify(event), { timestamp }));
  });

  it("refuses a body re-serialized after signing", async () => {
    const signed = signedRequest(JSON.stringify(event));
    const reserialized = JSON.stringify(event, null, 2);
    await expectRefused(
      new Request(signed.url, { method: "POST", headers: signed.headers, body: reserialized }),
    );
  });

  it("refuses a request without the header", async () => {
    await expectRefused(
      new Request("http://localhost:3000/api/webhooks/stripe", {
        method: "POST",
        body: JSON.stringify(event),
      }),
    );
  });

  it("accepts the same payload correctly signed, 299 seconds old", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 299;
    const response = await POST(signedRequest(JSON.stringify(event), { timestamp }));
    expect(response.status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId } });
    expect(row.status).toBe("TRIALING");
  });
});

describe("each handled event, delivered three times at once, has one effect", () => {
  async function threeAtOnce(event: Stripe.Event) {
    const responses = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const outcomes = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { outcome: string }).outcome),
    );
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(2);
    expect(await admin.stripeEvent.count({ where: { id: event.id } })).toBe(1);
  }
  const historyOf = (organizationId: string, stripeEventId: string) =>
    admin.billingEvent.findMany({ where: { organizationId, stripeEventId } });
  const emailsFor = (to: string, template: string) =>
    admin.outboxMessage.count({
      where: {
        payload: { path: ["to"], equals: to },
        AND: { payload: { path: ["template"], equals: template } },
      },
    });

  it("checkout.session.completed: the organization moves to the paid plan once", async () => {
    const paid = await paidOrganization(admin, "wh-checkout");
    const event = pick(paid.events, "checkout.session.completed");
    await threeAtOnce(event);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({
      status: "TRIALING",
      plan: "pro",
      stripeSubscriptionId: paid.subscription.id,
    });
    const history = await historyOf(paid.org.id, event.id);
    expect(history.map((h) => h.type)).toEqual(["subscription.created"]);
  });

  it("customer.subscription.created", async () => {
    const paid = await paidOrganization(admin, "wh-created", { plan: "business" });
    const event = pick(paid.events, "customer.subscription.created");
    await threeAtOnce(event);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "TRIALING", plan: "business", seats: 1 });
    expect(await historyOf(paid.org.id, event.id)).toHaveLength(1);
  });

  it("invoice.paid: one line of invoice history", async () => {
    const paid = await paidOrganization(admin, "wh-paid");
    const event = pick(paid.events, "invoice.paid");
    await threeAtOnce(event);
    const history = await historyOf(paid.org.id, event.id);
    expect(history.filter((h) => h.type === "invoice.paid")).toHaveLength(1);
  });

  it("customer.subscription.updated: the seat count changes once", async () => {
    const paid = await paidOrganization(admin, "wh-updated");
    await deliver(pick(paid.events, "customer.subscription.created"));
    const item = paid.subscription.items.data[0]!;
    await emulatorClient().subscriptions.update(paid.subscription.id, {
      items: [{ id: item.id, quantity: 4 }],
    });
    const event = (await eventsOf(paid.customerId)).findLast(
      (e) => e.type === "customer.subscription.updated",
    )!;
    await threeAtOnce(event);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.seats).toBe(4);
    const history = await historyOf(paid.org.id, event.id);
    expect(history.map((h) => h.type)).toEqual(["subscription.seats_changed"]);
  });

  it("customer.subscription.deleted: canceled once, back on Free", async () => {
    const paid = await paidOrganization(admin, "wh-deleted");
    await deliver(pick(paid.events, "customer.subscription.created"));
    await emulatorClient().subscriptions.cancel(paid.subscription.id);
    const event = pick(await eventsOf(paid.customerId), "customer.subscription.deleted");
    await threeAtOnce(event);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "CANCELED", plan: "free" });
    expect((await historyOf(paid.org.id, event.id)).map((h) => h.type)).toEqual([
      "subscription.canceled",
    ]);
  });

  it("customer.subscription.trial_will_end: one email to each owner", async () => {
    const paid = await paidOrganization(admin, "wh-trial");
    await emulatorControl(paid.subscription.id, "trial_will_end");
    const event = pick(await eventsOf(paid.customerId), "customer.subscription.trial_will_end");
    await threeAtOnce(event);
    expect(await emailsFor(paid.owner.email, "trialEnding")).toBe(1);
  });

  it("invoice.payment_failed: past due once, one email", async () => {
    const paid = await paidOrganization(admin, "wh-failed");
    await emulatorControl(paid.subscription.id, "end_trial");
    await emulatorControl(paid.subscription.id, "fail_renewal");
    const event = pick(await eventsOf(paid.customerId), "invoice.payment_failed");
    await threeAtOnce(event);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("PAST_DUE");
    expect(row.pastDueSince).not.toBeNull();
    expect(await emailsFor(paid.owner.email, "paymentFailed")).toBe(1);
    const failures = (await historyOf(paid.org.id, event.id)).filter(
      (h) => h.type === "invoice.payment_failed",
    );
    expect(failures).toHaveLength(1);
  });

  it("invoice.payment_action_required: one email with the hosted invoice link", async () => {
    const paid = await paidOrganization(admin, "wh-action");
    const invoice = await stripe().invoices.retrieve(
      (paid.events.find((e) => e.type === "invoice.paid")!.data.object as { id: string }).id,
    );
    const event = eventAbout("invoice.payment_action_required", { ...invoice, status: "open" });
    await threeAtOnce(event);
    expect(await emailsFor(paid.owner.email, "paymentActionRequired")).toBe(1);
    const message = await admin.outboxMessage.findFirstOrThrow({
      where: {
        payload: { path: ["to"], equals: paid.owner.email },
        AND: { payload: { path: ["template"], equals: "paymentActionRequired" } },
      },
    });
    expect(JSON.stringify(message.payload)).toContain(invoice.hosted_invoice_url!);
  });
});

describe("order and replays", () => {
  it("subscription.updated(active) arriving after subscription.deleted leaves it canceled", async () => {
    const paid = await paidOrganization(admin, "wh-order");
    await emulatorControl(paid.subscription.id, "end_trial");
    const active = (await eventsOf(paid.customerId)).findLast(
      (e) => e.type === "customer.subscription.updated",
    )!;
    expect((active.data.object as { status: string }).status).toBe("active");
    await emulatorClient().subscriptions.cancel(paid.subscription.id);
    const deleted = pick(await eventsOf(paid.customerId), "customer.subscription.deleted");

    expect((await deliver(deleted)).status).toBe(200);
    expect((await deliver(active)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "CANCELED", plan: "free" });
  });

  it("stays canceled even when Stripe cannot be asked and only the stale event speaks", async () => {
    const paid = await paidOrganization(admin, "wh-order-offline");
    await emulatorClient().subscriptions.cancel(paid.subscription.id);
    const deleted = pick(await eventsOf(paid.customerId), "customer.subscription.deleted");
    expect((await deliver(deleted)).status).toBe(200);
    // A late "active" copy of the subscription, and Stripe answering 404 for it.
    const stale = eventAbout("customer.subscription.updated", {
      ...paid.subscription,
      status: "active",
    });
    const retrieve = vi
      .spyOn(stripe().subscriptions, "retrieve")
      .mockRejectedValueOnce(Object.assign(new Error("No such subscription"), { statusCode: 404 }));
    expect((await deliver(stale)).status).toBe(200);
    retrieve.mockRestore();
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("CANCELED");
  });

  it("every event of an upgrade, delivered newest first, ends where Stripe is", async () => {
    const paid = await paidOrganization(admin, "wh-reverse");
    await emulatorControl(paid.subscription.id, "end_trial");
    const events = (await eventsOf(paid.customerId)).reverse();
    for (const event of events) expect((await deliver(event)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({
      status: "ACTIVE",
      plan: "pro",
      stripeSubscriptionId: paid.subscription.id,
    });
  });

  it("a carried object older than Stripe's state does not win: the subscription is re-read", async () => {
    const paid = await paidOrganization(admin, "wh-refetch");
    const stale = eventAbout("customer.subscription.updated", {
      ...paid.subscription,
      status: "past_due",
    });
    expect((await deliver(stale)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("TRIALING");
  });

  it("replaying one signed event 10 times changes nothing after the first delivery", async () => {
    const paid = await paidOrganization(admin, "wh-replay");
    const event = pick(paid.events, "checkout.session.completed");
    const request = () => signedRequest(JSON.stringify(event));
    expect((await POST(request())).status).toBe(200);
    const after = await footprint(paid.org.id);
    for (let i = 0; i < 10; i++) expect((await POST(request())).status).toBe(200);
    expect(await footprint(paid.org.id)).toBe(after);
  });

  it("answers 503 and records nothing when Stripe fails mid-way, so Stripe's retry applies it", async () => {
    const paid = await paidOrganization(admin, "wh-retry");
    const event = pick(paid.events, "customer.subscription.created");
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const retrieve = vi
      .spyOn(stripe().subscriptions, "retrieve")
      .mockRejectedValueOnce(Object.assign(new Error("connection reset"), { statusCode: 500 }));
    const failed = await deliver(event);
    retrieve.mockRestore();
    expect(failed.status).toBe(503);
    expect(await admin.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect((await deliver(event)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("TRIALING");
  });
});

describe("events Keel does not act on", () => {
  it("an unknown customer gets 200, a log line, and no writes", async () => {
    const logs = captureLogs();
    const stored = await admin.stripeEvent.count();
    const history = await admin.billingEvent.count();
    const event = eventAbout("customer.subscription.updated", {
      id: "sub_nobody",
      object: "subscription",
      customer: "cus_nobody_we_know",
      status: "active",
    });
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "unknown_customer" });
    expect(
      logs
        .at("warn")
        .map((entry) => entry.msg)
        .join(" "),
    ).toContain("cus_nobody_we_know");
    logs.restore();
    expect(await admin.stripeEvent.count()).toBe(stored);
    expect(await admin.billingEvent.count()).toBe(history);
  });

  it("an event type Keel does not handle gets 200 and a log line", async () => {
    const logs = captureLogs();
    const response = await deliver(eventAbout("charge.refunded", { id: "ch_1", object: "charge" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "ignored" });
    expect(
      logs
        .at("info")
        .map((entry) => entry.msg)
        .join(" "),
    ).toContain("charge.refunded");
    logs.restore();
  });

  it("a checkout naming another organization in its metadata changes neither", async () => {
    const victim = await paidOrganization(admin, "wh-victim");
    const attacker = await paidOrganization(admin, "wh-attacker");
    const completed = pick(attacker.events, "checkout.session.completed");
    const session = completed.data.object as { metadata: Record<string, string> };
    const forged = eventAbout("checkout.session.completed", {
      ...(completed.data.object as { id: string }),
      metadata: { ...session.metadata, organizationId: victim.org.id },
      client_reference_id: victim.org.id,
    } as { id: string });
    vi.spyOn(console, "warn").mockImplementationOnce(() => undefined);
    expect((await deliver(forged)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: victim.org.id },
    });
    expect(row.status).toBe("FREE");
  });
});
