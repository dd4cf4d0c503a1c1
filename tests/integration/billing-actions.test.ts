import { afterAll, describe, expect, it, vi } from "vitest";
import {
  cancelSubscriptionAction,
  changePlanAction,
  openPortalAction,
  previewPlanChangeAction,
  resumeSubscriptionAction,
  startCheckoutAction,
} from "@/lib/billing/actions";
import { stripe } from "@/lib/billing/stripe/client";
import { deleteAccount } from "@/lib/account/delete-account";
import { createSession } from "@/lib/auth/session-store";
import { deleteOrganizationAction } from "@/lib/organizations/actions";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { emulatorClient } from "../support/stripe-test";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * What an owner does on the billing page, through the same actions the forms call,
 * against the Stripe emulator: what Stripe is asked, what Keel stores, and what happens
 * when Stripe fails.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

describe("checkout", () => {
  it("names the organization with server-written ids and one customer, whatever the form adds", async () => {
    const org = await organization(admin, "co", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "co-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    const other = await organization(admin, "co-other", { plan: "free", status: "FREE" });
    callAs(owner.token, org.slug);

    const forged = await startCheckoutAction({
      plan: "pro",
      interval: "month",
      organizationId: other.id,
    });
    expect(forged).toMatchObject({ ok: false, status: 422 });

    const first = await startCheckoutAction({ plan: "pro", interval: "year" });
    const second = await startCheckoutAction({ plan: "business", interval: "month" });
    if (!first.ok || !second.ok) throw new Error("checkout failed");
    const ids = [first, second].map((r) => new URL(r.data.url).pathname.split("/").pop()!);
    const sessions = await Promise.all(
      ids.map((id) => emulatorClient().checkout.sessions.retrieve(id)),
    );
    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    for (const session of sessions) {
      expect(session.client_reference_id).toBe(org.id);
      expect(session.metadata).toMatchObject({ organizationId: org.id });
      expect(session.customer).toBe(row.stripeCustomerId);
      expect(session.success_url).toContain(`//${org.slug}.`);
    }
    expect(sessions[0]!.allow_promotion_codes).toBe(true);
  });

  it("refuses a free or unknown plan with a field message", async () => {
    const org = await organization(admin, "co-bad", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "co-bad-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    const result = await startCheckoutAction({ plan: "free", interval: "month" });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { plan: expect.any(String) },
    });
  });

  it("sends an organization that already pays to the plan change instead", async () => {
    const paid = await paidOrganization(admin, "co-twice");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);
    expect(await startCheckoutAction({ plan: "business", interval: "month" })).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it("a Stripe outage is a clear 503 and nothing is stored", async () => {
    const org = await organization(admin, "co-down", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "co-down-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    const { default: Stripe } = await import("stripe");
    const create = vi
      .spyOn(stripe().customers, "create")
      .mockRejectedValueOnce(new Stripe.errors.StripeConnectionError({ message: "ECONNREFUSED" }));
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const result = await startCheckoutAction({ plan: "pro", interval: "month" });
    create.mockRestore();
    expect(result).toMatchObject({ ok: false, status: 503 });
    if (!result.ok) expect(result.error).toMatch(/try again/i);
    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    expect(row.stripeCustomerId).toBeNull();
  });
});

describe("a paying organization", () => {
  it("previews a plan change with prorations, then changes plan at once", async () => {
    const paid = await paidOrganization(admin, "chg");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);

    const preview = await previewPlanChangeAction({ plan: "business", interval: "month" });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.amountDue).toBeGreaterThan(0);
    expect(preview.data.lines.length).toBeGreaterThan(0);
    // A preview changes nothing.
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } })).plan,
    ).toBe("pro");

    expect(await changePlanAction({ plan: "business", interval: "month" })).toMatchObject({
      ok: true,
    });
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.plan).toBe("business");
    const atStripe = await emulatorClient().subscriptions.retrieve(paid.subscription.id);
    expect(atStripe.items.data[0]!.price.lookup_key).toBe("keel_business_monthly");
    expect(await changePlanAction({ plan: "business", interval: "month" })).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it("cancels at period end and resumes, at Stripe and here", async () => {
    const paid = await paidOrganization(admin, "cxl");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);
    expect(await cancelSubscriptionAction({})).toMatchObject({ ok: true });
    expect(
      (await emulatorClient().subscriptions.retrieve(paid.subscription.id)).cancel_at_period_end,
    ).toBe(true);
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }))
        .cancelAtPeriodEnd,
    ).toBe(true);
    expect(await resumeSubscriptionAction({})).toMatchObject({ ok: true });
    expect(
      (await emulatorClient().subscriptions.retrieve(paid.subscription.id)).cancel_at_period_end,
    ).toBe(false);
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }))
        .cancelAtPeriodEnd,
    ).toBe(false);
  });

  it("opens the customer portal for its own customer", async () => {
    const paid = await paidOrganization(admin, "portal");
    callAs(paid.owner.token, paid.org.slug);
    const result = await openPortalAction({});
    if (!result.ok) throw new Error(result.error);
    expect(result.data.url).toMatch(/\/portal\/bps_/);
  });

  it("an organization without a subscription has nothing to change or cancel", async () => {
    const org = await organization(admin, "nosub", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "nosub-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    for (const result of [
      await cancelSubscriptionAction({}),
      await changePlanAction({ plan: "pro", interval: "month" }),
      await openPortalAction({}),
    ]) {
      expect(result).toMatchObject({ ok: false, status: 409 });
    }
  });
});

describe("ending organizations cancels their subscription", () => {
  it("deleting the organization cancels at Stripe first", async () => {
    const paid = await paidOrganization(admin, "del-org");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);
    expect(await deleteOrganizationAction({ confirmSlug: paid.org.slug })).toMatchObject({
      ok: true,
    });
    expect((await emulatorClient().subscriptions.retrieve(paid.subscription.id)).status).toBe(
      "canceled",
    );
    expect(await admin.organization.count({ where: { id: paid.org.id } })).toBe(0);
  });

  it("if Stripe cannot cancel, nothing is deleted and the owner is told", async () => {
    const paid = await paidOrganization(admin, "del-down");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);
    const { default: Stripe } = await import("stripe");
    const cancel = vi
      .spyOn(stripe().subscriptions, "cancel")
      .mockRejectedValueOnce(new Stripe.errors.StripeConnectionError({ message: "timeout" }));
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const result = await deleteOrganizationAction({ confirmSlug: paid.org.slug });
    cancel.mockRestore();
    expect(result).toMatchObject({ ok: false, status: 503 });
    expect(await admin.organization.count({ where: { id: paid.org.id } })).toBe(1);
    expect((await emulatorClient().subscriptions.retrieve(paid.subscription.id)).status).not.toBe(
      "canceled",
    );
  });

  it("deleting the account of an organization's only member cancels its subscription", async () => {
    const paid = await paidOrganization(admin, "del-acct");
    await deliverRecordedEvents(paid.customerId);
    // Signed in just now: deleting the account needs a recent sign-in.
    const { sessionId } = await createSession(admin, { userId: paid.owner.id });
    const result = await deleteAccount(
      { userId: paid.owner.id, sessionId },
      {
        ipAddress: "198.51.100.9",
        userAgent: "test",
      },
    );
    expect(result).toEqual({ ok: true, organizationsDeleted: 1 });
    expect((await emulatorClient().subscriptions.retrieve(paid.subscription.id)).status).toBe(
      "canceled",
    );
    expect(await admin.organization.count({ where: { id: paid.org.id } })).toBe(0);
  });
});
