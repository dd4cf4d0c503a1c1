import type Stripe from "stripe";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { stripe } from "@/lib/billing/stripe/client";
import { adminDatabase } from "../support/admin-db";
import { paidOrganization } from "../support/billing-fixtures";
import { captureLogs } from "../support/log-capture";
import { eventAbout, signedRequest } from "../support/stripe-test";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * A verified event whose processing throws is answered 503 (Stripe retries) and kept for the
 * operator console with its payload and a redacted error, until a later delivery applies it.
 */

const admin = adminDatabase();
let logs = captureLogs();
afterEach(() => {
  logs.restore();
  logs = captureLogs();
  vi.restoreAllMocks();
});
afterAll(async () => {
  logs.restore();
  await admin.$disconnect();
});

const deliver = (event: Stripe.Event) => POST(signedRequest(JSON.stringify(event)));

function stripeDown(message: string) {
  return vi
    .spyOn(stripe().subscriptions, "retrieve")
    .mockRejectedValue(Object.assign(new Error(message), { statusCode: 500 }));
}

function created(events: Stripe.Event[]): Stripe.Event {
  const event = events.find((e) => e.type === "customer.subscription.created");
  if (!event) throw new Error("no customer.subscription.created");
  return event;
}

describe("a verified event that fails to apply", () => {
  it("is kept with its payload, customer, organization and a redacted error, once per event id", async () => {
    const paid = await paidOrganization(admin, "whf-kept");
    const event = created(paid.events);
    const retrieve = stripeDown("upstream said no to sk_test_abcdef123456 at 10.0.0.1");

    const first = await deliver(event);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ error: "The event could not be processed." });
    expect(await deliver(event)).toHaveProperty("status", 503);
    retrieve.mockRestore();

    const failure = await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } });
    expect(failure).toMatchObject({
      type: "customer.subscription.created",
      customerId: paid.customerId,
      organizationId: paid.org.id,
      attempts: 2,
      resolvedAt: null,
      discardedAt: null,
    });
    expect(failure.payload).toEqual(JSON.parse(JSON.stringify(event)));
    expect(failure.lastError).toContain("upstream said no");
    expect(failure.lastError).not.toContain("abcdef123456");
    expect(failure.lastFailedAt.getTime()).toBeGreaterThanOrEqual(failure.firstFailedAt.getTime());
    // Nothing was applied: the event id is not recorded as processed.
    expect(await admin.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("is marked resolved when Stripe's retry applies it, and the event names its organization", async () => {
    const paid = await paidOrganization(admin, "whf-resolved");
    const event = created(paid.events);
    const retrieve = stripeDown("connection reset");
    expect((await deliver(event)).status).toBe(503);
    retrieve.mockRestore();

    const retried = await deliver(event);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ outcome: "applied" });
    const failure = await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } });
    expect(failure.resolvedAt).not.toBeNull();
    expect(failure.attempts).toBe(1);
    expect(await admin.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      organizationId: paid.org.id,
      outcome: "applied",
    });
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.status).toBe("TRIALING");
  });

  it("counts each of three concurrent failing deliveries on one row", async () => {
    const paid = await paidOrganization(admin, "whf-concurrent");
    const event = created(paid.events);
    stripeDown("connection reset");
    const responses = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(responses.map((r) => r.status)).toEqual([503, 503, 503]);
    const failure = await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } });
    expect(failure.attempts).toBe(3);
  });

  it("is kept without an organization when it failed before one was known", async () => {
    const event = eventAbout("customer.subscription.updated", {
      id: "sub_whf_unknown",
      object: "subscription",
      customer: "cus_whf_unresolvable",
      status: "active",
    });
    // Signed, but without the object every handler reads its customer from.
    const broken = { ...event, data: { object: null } } as unknown as Stripe.Event;
    expect((await deliver(broken)).status).toBe(503);
    const failure = await admin.stripeEventFailure.findUniqueOrThrow({ where: { id: event.id } });
    expect(failure).toMatchObject({ customerId: null, organizationId: null, attempts: 1 });
  });
});

describe("events that need nothing from the console", () => {
  it("an applied event leaves no failure behind", async () => {
    const paid = await paidOrganization(admin, "whf-clean");
    const event = created(paid.events);
    expect((await deliver(event)).status).toBe(200);
    expect(await admin.stripeEventFailure.count({ where: { id: event.id } })).toBe(0);
  });

  it("an unknown customer is acknowledged, not kept as a failure", async () => {
    const event = eventAbout("customer.subscription.updated", {
      id: "sub_whf_nobody",
      object: "subscription",
      customer: "cus_whf_nobody",
      status: "active",
    });
    expect((await deliver(event)).status).toBe(200);
    expect(await admin.stripeEventFailure.count({ where: { id: event.id } })).toBe(0);
  });
});
