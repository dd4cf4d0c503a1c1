import { describe, expect, it } from "vitest";
import type Stripe from "stripe";
import { EmulatorCore } from "@/scripts/stripe-emulator/core";
import {
  applyDiscounts,
  discountsFromParams,
  discountSubscriptionInvoice,
  redeemDiscounts,
} from "@/scripts/stripe-emulator/discounts";
import { addInterval } from "@/scripts/stripe-emulator/ids";
import { buildCustomer, buildInvoice, buildPrice } from "@/scripts/stripe-emulator/objects";
import { createCoupon, createPromotionCode } from "@/scripts/stripe-emulator/promotions";

/** The emulator's discount arithmetic, on invoices built the way its billing code builds them. */

function setup() {
  const core = new EmulatorCore({
    publicUrl: "http://127.0.0.1:1",
    webhookUrl: undefined,
    webhookSecret: "whsec_test",
    stateFile: undefined,
    log: () => {},
  });
  const customer = buildCustomer({ email: null, name: null, description: null, metadata: {} });
  core.data.customers[customer.id] = customer;
  const price = (unitAmount: number, product = "prod_pro") =>
    buildPrice({
      product,
      unitAmount,
      currency: "usd",
      interval: "month",
      intervalCount: 1,
      lookupKey: null,
      nickname: null,
      metadata: {},
      active: true,
    });
  const period = { start: 1_800_000_000, end: 1_802_592_000 };
  const invoice = (lines: { amount: number; proration?: boolean; product?: string }[]) =>
    buildInvoice({
      customer,
      subscription: null,
      lines: lines.map((line) => ({
        amount: line.amount,
        description: "line",
        price: price(line.amount, line.product),
        quantity: 1,
        period,
        proration: line.proration ?? false,
        subscription: null,
        subscriptionItem: "si_1",
      })),
      status: "draft",
      billingReason: "upcoming",
      period,
      number: null,
      publicUrl: "http://127.0.0.1:1",
      attemptCount: 0,
    });
  const discount = (coupon: Record<string, string | Record<string, string>>, at = period.start) => {
    const created = createCoupon(core, coupon);
    const code = createPromotionCode(core, { promotion: { coupon: created.id } });
    return discountsFromParams(core, { discounts: [{ promotion_code: code.id }] }, at, {
      customer: customer.id,
      subscription: null,
    })!;
  };
  return { core, invoice, discount, period };
}

const totals = (invoice: Stripe.Invoice) => ({
  subtotal: invoice.subtotal,
  discount: (invoice.total_discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0),
  total: invoice.total,
  amountDue: invoice.amount_due,
});

describe("emulator discounts", () => {
  it("percent off is taken off each line, rounded per line", () => {
    const { core, invoice, discount, period } = setup();
    const target = invoice([{ amount: 1_001 }, { amount: 2_003 }]);
    applyDiscounts(core, target, discount({ percent_off: "15", duration: "forever" }), period.end);
    // 150.15 → 150 and 300.45 → 300
    expect(totals(target)).toEqual({
      subtotal: 3_004,
      discount: 450,
      total: 2_554,
      amountDue: 2_554,
    });
    expect(target.lines.data.map((line) => line.discount_amounts?.[0]?.amount)).toEqual([150, 300]);
  });

  it("amount off is capped at what can be discounted, and spread over the lines", () => {
    const { core, invoice, discount, period } = setup();
    const small = invoice([{ amount: 300 }, { amount: 100 }]);
    applyDiscounts(
      core,
      small,
      discount({ amount_off: "1000", currency: "usd", duration: "once" }),
      period.end,
    );
    expect(totals(small)).toEqual({ subtotal: 400, discount: 400, total: 0, amountDue: 0 });
    const big = invoice([{ amount: 3_000 }, { amount: 1_000 }]);
    applyDiscounts(
      core,
      big,
      discount({ amount_off: "1000", currency: "usd", duration: "once" }),
      period.end,
    );
    expect(big.lines.data.map((line) => line.discount_amounts?.[0]?.amount)).toEqual([750, 250]);
    expect(totals(big).total).toBe(3_000);
  });

  it("prorations are not discounted: the discount applies to the new period's charges", () => {
    const { core, invoice, discount, period } = setup();
    const change = invoice([
      { amount: -1_200, proration: true },
      { amount: 2_400, proration: true },
      { amount: 2_400 },
    ]);
    applyDiscounts(core, change, discount({ percent_off: "50", duration: "forever" }), period.end);
    expect(totals(change)).toEqual({
      subtotal: 3_600,
      discount: 1_200,
      total: 2_400,
      amountDue: 2_400,
    });
  });

  it("an amount off in another currency takes nothing off", () => {
    const { core, invoice, discount, period } = setup();
    const target = invoice([{ amount: 2_000 }]);
    applyDiscounts(
      core,
      target,
      discount({ amount_off: "500", currency: "eur", duration: "forever" }),
      period.end,
    );
    expect(totals(target)).toEqual({
      subtotal: 2_000,
      discount: 0,
      total: 2_000,
      amountDue: 2_000,
    });
  });

  it("a coupon for other products leaves this one's lines alone", () => {
    const { core, invoice, discount, period } = setup();
    const target = invoice([
      { amount: 2_000, product: "prod_pro" },
      { amount: 1_000, product: "prod_x" },
    ]);
    applyDiscounts(
      core,
      target,
      discount({
        percent_off: "10",
        duration: "forever",
        applies_to: { products: ["prod_x"] },
      } as never),
      period.end,
    );
    expect(totals(target).discount).toBe(100);
  });

  it("repeating ends its months after redemption; forever and once do not end by date", () => {
    const { core, invoice, discount, period } = setup();
    const start = period.start;
    const threeMonths = discount(
      { percent_off: "20", duration: "repeating", duration_in_months: "3" },
      start,
    );
    expect(threeMonths[0]!.end).toBe(addInterval(start, "month", 3));
    const before = invoice([{ amount: 1_000 }]);
    applyDiscounts(core, before, threeMonths, threeMonths[0]!.end! - 1);
    expect(totals(before).discount).toBe(200);
    const after = invoice([{ amount: 1_000 }]);
    applyDiscounts(core, after, threeMonths, threeMonths[0]!.end!);
    expect(totals(after).discount).toBe(0);
    expect(discount({ percent_off: "20", duration: "forever" })[0]!.end).toBeNull();
  });

  it("once is used up by the first invoice it takes something off, forever stays", () => {
    const { core, invoice, discount } = setup();
    const once = discount({ percent_off: "10", duration: "once" });
    const forever = discount({ percent_off: "10", duration: "forever" });
    const subscription = {
      discounts: redeemDiscounts(core, [...once, ...forever]),
    } as unknown as Stripe.Subscription;
    // A $0 trial invoice takes nothing off, so it does not use the once discount up.
    discountSubscriptionInvoice(core, subscription, invoice([{ amount: 0 }]));
    expect(subscription.discounts).toHaveLength(2);
    const first = invoice([{ amount: 1_000 }]);
    discountSubscriptionInvoice(core, subscription, first);
    expect(totals(first).discount).toBe(100 + 90);
    expect(subscription.discounts).toEqual([forever[0]!.id]);
    const second = invoice([{ amount: 1_000 }]);
    discountSubscriptionInvoice(core, subscription, second);
    expect(totals(second).discount).toBe(100);
    // Redeeming counts against the coupon and the code.
    const coupon = core.data.coupons![once[0]!.source.coupon as string]!;
    expect(coupon.times_redeemed).toBe(1);
  });

  it("several discounts apply one after another", () => {
    const { core, invoice, discount, period } = setup();
    const target = invoice([{ amount: 10_000 }]);
    applyDiscounts(
      core,
      target,
      [
        ...discount({ percent_off: "50", duration: "forever" }),
        ...discount({ amount_off: "1000", currency: "usd", duration: "forever" }),
      ],
      period.end,
    );
    expect(totals(target)).toEqual({
      subtotal: 10_000,
      discount: 6_000,
      total: 4_000,
      amountDue: 4_000,
    });
  });

  it("refuses a used-up, inactive or unknown code as Stripe does", () => {
    const { core } = setup();
    const coupon = createCoupon(core, { percent_off: "10", duration: "once" });
    const code = createPromotionCode(core, { promotion: { coupon: coupon.id }, active: "false" });
    const owner = { customer: "cus_1", subscription: null };
    expect(() =>
      discountsFromParams(core, { discounts: [{ promotion_code: code.id }] }, 0, owner),
    ).toThrow(/cannot be redeemed/);
    expect(() =>
      discountsFromParams(core, { discounts: [{ promotion_code: "promo_nope" }] }, 0, owner),
    ).toThrow(/No such promotion_code/);
    expect(() => createCoupon(core, { percent_off: "10", amount_off: "5" })).toThrow(/exactly one/);
    expect(() => createCoupon(core, { percent_off: "10", duration: "repeating" })).toThrow(
      /duration_in_months/,
    );
  });
});
