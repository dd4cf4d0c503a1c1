import { afterAll, describe, expect, it, vi } from "vitest";
import {
  changePlanAction,
  previewPlanChangeAction,
  startCheckoutAction,
} from "@/lib/billing/actions";
import { SAMPLE_PROMOTION_CODE } from "@/lib/billing/stripe/sample-promotion";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { emulatorClient, emulatorControl, payCheckout } from "../support/stripe-test";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Promotion codes on a plan change, against the Stripe emulator through the official SDK:
 * codes that cannot be used are field errors that change nothing; a good one lowers the
 * preview, is applied to the subscription, and is taken off the invoice Stripe then charges.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

const stripe = emulatorClient();

async function trialingOrganization(label: string) {
  const paid = await paidOrganization(admin, label);
  await deliverRecordedEvents(paid.customerId);
  callAs(paid.owner.token, paid.org.slug);
  return paid;
}

async function codeFor(coupon: Parameters<typeof stripe.coupons.create>[0], extra = {}) {
  const created = await stripe.coupons.create(coupon);
  const code = `T${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`.toUpperCase();
  await stripe.promotionCodes.create({
    code,
    promotion: { type: "coupon", coupon: created.id },
    ...extra,
  });
  return code;
}

const change = { plan: "business", interval: "month" } as const;

describe("codes that cannot be used", () => {
  it("are field errors, and neither Stripe nor the database changes", async () => {
    const paid = await trialingOrganization("promo-bad");
    const usedUp = await codeFor({ percent_off: 10, duration: "once" }, { max_redemptions: 1 });
    // Someone else redeems it first.
    const other = await trialingOrganization("promo-bad-other");
    callAs(other.owner.token, other.org.slug);
    expect(await changePlanAction({ ...change, promotionCode: usedUp })).toMatchObject({
      ok: true,
    });
    callAs(paid.owner.token, paid.org.slug);
    const euros = await codeFor({ amount_off: 500, currency: "eur", duration: "once" });
    const inactive = await codeFor({ percent_off: 50, duration: "forever" }, { active: false });
    const expired = await codeFor(
      { percent_off: 50, duration: "forever" },
      { expires_at: Math.floor(Date.now() / 1000) - 60 },
    );
    const firstTime = await codeFor(
      { percent_off: 50, duration: "forever" },
      { restrictions: { first_time_transaction: true } },
    );

    const cases: [string, RegExp][] = [
      ["NOSUCHCODE", /not valid/],
      [inactive, /not valid/],
      [expired, /expired/],
      [usedUp, /used up/],
      [euros, /does not apply to this plan/],
      [firstTime, /only for a first purchase/],
      ["bad code!", /only letters, digits/],
    ];
    for (const [code, message] of cases) {
      for (const action of [previewPlanChangeAction, changePlanAction]) {
        const result = await action({ ...change, promotionCode: code });
        expect(result.ok, code).toBe(false);
        if (result.ok) continue;
        expect(result.status, code).toBe(422);
        expect(result.fieldErrors?.promotionCode, code).toMatch(message);
      }
    }
    const atStripe = await stripe.subscriptions.retrieve(paid.subscription.id);
    expect(atStripe.discounts).toEqual([]);
    expect(atStripe.items.data[0]!.price.lookup_key).toBe("keel_pro_monthly");
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.plan).toBe("pro");
  });

  it("an empty code, or none at all (a form without the field sends null), is no code", async () => {
    await trialingOrganization("promo-empty");
    for (const promotionCode of ["  ", null, undefined]) {
      const result = await previewPlanChangeAction({ ...change, promotionCode });
      expect(result).toMatchObject({ ok: true, data: { promotion: null } });
    }
  });

  it("a member without billing rights cannot even try one", async () => {
    const paid = await trialingOrganization("promo-member");
    const member = await userWithSession(admin, "promo-member-m", {
      organizationId: paid.org.id,
      role: "MEMBER",
    });
    callAs(member.token, paid.org.slug);
    const result = await previewPlanChangeAction({
      ...change,
      promotionCode: SAMPLE_PROMOTION_CODE,
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });
});

describe("a good code", () => {
  it("lowers the preview, is applied, and is taken off the invoice at the end of the trial", async () => {
    const paid = await trialingOrganization("promo-good");
    const plain = await previewPlanChangeAction(change);
    const discounted = await previewPlanChangeAction({
      ...change,
      promotionCode: SAMPLE_PROMOTION_CODE.toLowerCase(),
    });
    if (!plain.ok || !discounted.ok) throw new Error("preview failed");
    // During the trial nothing is due today; the invoice at its end is 20% lower.
    expect(plain.data.due.on).toBe("trial_end");
    expect(plain.data.dueToday).toBe(0);
    expect(discounted.data.dueToday).toBe(0);
    expect(discounted.data.amountDue).toBe(Math.round(plain.data.amountDue * 0.8));
    expect(discounted.data.promotion).toEqual({
      code: SAMPLE_PROMOTION_CODE,
      summary: "20% off for 3 months",
      amountOff: plain.data.amountDue - discounted.data.amountDue,
    });
    // A preview redeems nothing.
    expect((await stripe.subscriptions.retrieve(paid.subscription.id)).discounts).toEqual([]);

    expect(
      await changePlanAction({ ...change, promotionCode: SAMPLE_PROMOTION_CODE }),
    ).toMatchObject({ ok: true });
    const atStripe = await stripe.subscriptions.retrieve(paid.subscription.id);
    expect(atStripe.discounts).toHaveLength(1);
    const audit = await admin.auditLog.findMany({
      where: { organizationId: paid.org.id, action: "billing.promotion_code_applied" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: paid.owner.id,
      metadata: { promotion: SAMPLE_PROMOTION_CODE, plan: "business" },
    });

    await emulatorControl(paid.subscription.id, "end_trial");
    const [invoice] = (await stripe.invoices.list({ customer: paid.customerId, limit: 1 })).data;
    expect(invoice!.billing_reason).toBe("subscription_cycle");
    expect(invoice!.subtotal).toBe(plain.data.amountDue);
    expect(invoice!.total).toBe(discounted.data.amountDue);
    expect(invoice!.amount_paid).toBe(discounted.data.amountDue);
    expect(invoice!.total_discount_amounts?.[0]?.amount).toBe(
      plain.data.amountDue - discounted.data.amountDue,
    );
  });

  it("after the trial, the preview of a change names the next billing date", async () => {
    const paid = await trialingOrganization("promo-after");
    await emulatorControl(paid.subscription.id, "end_trial");
    await deliverRecordedEvents(paid.customerId);
    const preview = await previewPlanChangeAction({
      ...change,
      promotionCode: SAMPLE_PROMOTION_CODE,
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.due.on).toBe("renewal");
    expect(preview.data.dueToday).toBe(0);
    // Upgrading mid-period prorates: a charge for the rest of this period, at list price.
    expect(preview.data.prorations).toBeGreaterThan(0);
    expect(preview.data.amountDue).toBe(
      preview.data.subtotal - (preview.data.promotion?.amountOff ?? 0),
    );
    // The discount is on the next period's charges, not on the prorations.
    const fullPeriod = preview.data.subtotal - preview.data.prorations;
    expect(preview.data.promotion?.amountOff).toBe(Math.round(fullPeriod * 0.2));
  });
});

describe("a code typed before Checkout", () => {
  it("is checked on the page, then redeemed onto the subscription Checkout creates", async () => {
    const org = await organization(admin, "promo-checkout", { plan: "free", status: "FREE" });
    const owner = await userWithSession(admin, "promo-checkout-owner", {
      organizationId: org.id,
      role: "OWNER",
    });
    callAs(owner.token, org.slug);
    const refused = await startCheckoutAction({
      plan: "pro",
      interval: "month",
      promotionCode: "NOSUCHCODE",
    });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    if (!refused.ok) expect(refused.fieldErrors?.promotionCode).toMatch(/not valid/);

    const started = await startCheckoutAction({
      plan: "pro",
      interval: "month",
      promotionCode: SAMPLE_PROMOTION_CODE,
    });
    if (!started.ok) throw new Error(started.error);
    const sessionId = new URL(started.data.url).pathname.split("/").pop()!;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session.allow_promotion_codes).not.toBe(true);
    expect((await payCheckout(started.data.url)).status).toBe(303);

    const row = await admin.subscription.findUniqueOrThrow({ where: { organizationId: org.id } });
    const [subscription] = (
      await stripe.subscriptions.list({ customer: row.stripeCustomerId!, status: "all" })
    ).data;
    expect(subscription!.discounts).toHaveLength(1);
    await emulatorControl(subscription!.id, "end_trial");
    const [invoice] = (await stripe.invoices.list({ customer: row.stripeCustomerId!, limit: 1 }))
      .data;
    expect(invoice!.total).toBe(Math.round(invoice!.subtotal * 0.8));
    const audit = await admin.auditLog.findFirstOrThrow({
      where: { organizationId: org.id, action: "billing.checkout_started" },
    });
    expect(audit.metadata).toMatchObject({ promotion: SAMPLE_PROMOTION_CODE });
  });
});
