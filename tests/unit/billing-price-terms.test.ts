import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { stateOf } from "@/lib/billing/subscription/state";

/** Every subscription state carries its price terms, so the event log can price any past month. */

function subscription(price: Partial<Stripe.Price> | null, quantity = 2) {
  return {
    id: "sub_1",
    customer: "cus_1",
    status: "active",
    metadata: {},
    trial_end: null,
    cancel_at_period_end: false,
    cancel_at: null,
    items: {
      data: price
        ? [
            {
              id: "si_1",
              quantity,
              current_period_end: 1_800_000_000,
              price: { id: "price_1", metadata: {}, ...price },
            },
          ]
        : [],
    },
  } as unknown as Stripe.Subscription;
}

describe("price terms of a subscription state", () => {
  it("take the interval from Keel's lookup key and the amount from the price", () => {
    const state = stateOf(
      subscription({
        lookup_key: "keel_business_yearly",
        unit_amount: 21000,
        recurring: { interval: "year" } as Stripe.Price.Recurring,
      }),
    );
    expect(state).toMatchObject({
      plan: "business",
      seats: 2,
      interval: "year",
      unitAmount: 21000,
    });
  });

  it("fall back to Stripe's recurring interval for a price without Keel's lookup key", () => {
    const state = stateOf(
      subscription({
        lookup_key: null,
        unit_amount: 900,
        recurring: { interval: "month" } as Stripe.Price.Recurring,
      }),
    );
    expect(state).toMatchObject({ interval: "month", unitAmount: 900 });
  });

  it("are empty without a seat price, and an unknown interval is not guessed", () => {
    expect(stateOf(subscription(null))).toMatchObject({ interval: null, unitAmount: null });
    const weekly = stateOf(
      subscription({
        lookup_key: null,
        unit_amount: null,
        recurring: { interval: "week" } as Stripe.Price.Recurring,
      }),
    );
    expect(weekly).toMatchObject({ interval: null, unitAmount: null });
  });
});
