import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  formatAmount,
  paidPlans,
  planForLookupKey,
  planIds,
  planOf,
  plans,
} from "@/lib/billing/plans/plans";
import { shouldApply, stateOf, toLocalStatus } from "@/lib/billing/subscription/state";

describe("plans", () => {
  it("every paid plan has a monthly and a yearly price under distinct lookup keys", () => {
    const keys = paidPlans.flatMap((p) => [p.prices!.month.lookupKey, p.prices!.year.lookupKey]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(paidPlans.map((p) => p.id)).toEqual(["pro", "business"]);
  });

  it("a yearly price costs less than twelve months", () => {
    for (const plan of paidPlans) {
      expect(plan.prices!.year.amount).toBeLessThan(plan.prices!.month.amount * 12);
    }
  });

  it("higher plans never take an entitlement away", () => {
    const order = planIds.map((id) => plans[id].entitlements);
    for (let i = 1; i < order.length; i++) {
      const [lower, higher] = [order[i - 1]!, order[i]!];
      expect(higher.seats).toBeGreaterThanOrEqual(lower.seats);
      expect(
        higher.projects === null || (lower.projects !== null && higher.projects >= lower.projects),
      ).toBe(true);
      if (lower.api) expect(higher.api).toBe(true);
      if (lower.auditExport) expect(higher.auditExport).toBe(true);
    }
  });

  it("maps lookup keys back to plans, and anything else to nothing", () => {
    expect(planForLookupKey("keel_business_yearly")).toMatchObject({
      plan: { id: "business" },
      interval: "year",
    });
    expect(planForLookupKey("someone_elses_price")).toBeNull();
    expect(planForLookupKey(null)).toBeNull();
    expect(planOf("enterprise").id).toBe("free");
  });

  it("formats amounts like a price tag", () => {
    expect(formatAmount(1200)).toBe("$12");
    expect(formatAmount(1250)).toBe("$12.50");
  });
});

function subscription(
  overrides: Partial<Stripe.Subscription> = {},
  lookupKey = "keel_pro_monthly",
) {
  return {
    id: "sub_1",
    customer: "cus_1",
    status: "active",
    metadata: {},
    trial_end: null,
    cancel_at_period_end: false,
    cancel_at: null,
    items: {
      data: [
        {
          id: "si_1",
          quantity: 3,
          current_period_end: 1_800_000_000,
          price: { id: "price_1", lookup_key: lookupKey, metadata: {} },
        },
      ],
    },
    ...overrides,
  } as unknown as Stripe.Subscription;
}

describe("Stripe's subscription as Keel's row", () => {
  it("takes the plan from the price's lookup key and the seats from the quantity", () => {
    expect(stateOf(subscription())).toMatchObject({
      plan: "pro",
      seats: 3,
      status: "ACTIVE",
      stripeCustomerId: "cus_1",
      currentPeriodEnd: new Date(1_800_000_000 * 1000),
    });
  });

  it("a price Keel does not know is Free, never a paid plan", () => {
    expect(stateOf(subscription({}, "other_product")).plan).toBe("free");
  });

  it("a canceled subscription is on Free", () => {
    expect(stateOf(subscription({ status: "canceled" }))).toMatchObject({
      status: "CANCELED",
      plan: "free",
    });
  });

  it("an unknown future status is not treated as paying", () => {
    expect(toLocalStatus("something_new" as Stripe.Subscription.Status)).toBe("INCOMPLETE");
  });

  it("an ended subscription is never revived by a later event about it", () => {
    const ended = { stripeSubscriptionId: "sub_1", status: "CANCELED" as const };
    expect(shouldApply(ended, stateOf(subscription()))).toBe(false);
    expect(shouldApply(ended, stateOf(subscription({ status: "canceled" })))).toBe(true);
  });

  it("an old subscription's end does not overwrite the organization's newer one", () => {
    const current = { stripeSubscriptionId: "sub_2", status: "ACTIVE" as const };
    expect(shouldApply(current, stateOf(subscription({ status: "canceled" })))).toBe(false);
    expect(shouldApply(current, stateOf(subscription({ id: "sub_3" })))).toBe(true);
  });
});
