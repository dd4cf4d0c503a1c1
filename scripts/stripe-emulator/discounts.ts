/**
 * Discounts: a coupon redeemed onto a subscription (`discounts[0][promotion_code]` or
 * `[coupon]`), and what it takes off an invoice, as Stripe computes it:
 *
 * - Only discountable lines are discounted. Proration lines are not (Stripe marks them
 *   `discountable: false`): they are priced at the items' list prices, so a discount added with
 *   a plan change applies to the charges of the new periods, not to the credit for unused time.
 * - percent_off takes its share off each line, rounded per line; amount_off (in the invoice's
 *   currency only) is capped at the discountable amount and spread over the lines in proportion.
 * - Several discounts apply one after another, each on what the previous ones left.
 * - duration: forever never ends; repeating ends duration_in_months after it was redeemed;
 *   once is used up by the first invoice it takes something off, then leaves the subscription.
 */
import type Stripe from "stripe";
import type { EmulatorCore } from "./core";
import { invalidRequest, resourceMissing } from "./errors";
import { addInterval, newId } from "./ids";
import { idOf } from "./objects";
import { optionalObjectArray, optionalString, type Params } from "./params";
import { coupon, couponValid, promotionCode, promotionCodeRedeemable } from "./promotions";

export function discountRecords(core: EmulatorCore): Record<string, Stripe.Discount> {
  return (core.data.discounts ??= {});
}

function discount(core: EmulatorCore, id: string): Stripe.Discount {
  const found = discountRecords(core)[id];
  if (!found) throw resourceMissing("discount", id);
  return found;
}

const couponOf = (core: EmulatorCore, value: Stripe.Discount): Stripe.Coupon | null => {
  const id = value.source.coupon;
  return id ? coupon(core, typeof id === "string" ? id : id.id) : null;
};

/**
 * `discounts[i][promotion_code|coupon]` as Discount objects not yet stored (a preview must not
 * redeem anything); `undefined` when the parameter is absent, `[]` when it is cleared with "".
 */
export function discountsFromParams(
  core: EmulatorCore,
  params: Params,
  at: number,
  owner: { customer: string; subscription: string | null },
  key = "discounts",
): Stripe.Discount[] | undefined {
  const entries = optionalObjectArray(params, key);
  if (entries === undefined) return undefined;
  return entries.map((entry, index) => {
    const path = `${key}[${index}]`;
    const codeId = optionalString(entry, "promotion_code", `${path}[promotion_code]`);
    const couponId = optionalString(entry, "coupon", `${path}[coupon]`);
    const existing = optionalString(entry, "discount", `${path}[discount]`);
    if (existing) return discount(core, existing);
    if (Boolean(codeId) === Boolean(couponId)) {
      throw invalidRequest(
        `You must pass exactly one of coupon or promotion_code in ${path}.`,
        `${path}[promotion_code]`,
      );
    }
    let target: Stripe.Coupon;
    if (codeId) {
      const code = promotionCode(core, codeId, `${path}[promotion_code]`);
      if (!promotionCodeRedeemable(core, code)) {
        throw invalidRequest(
          `This promotion code cannot be redeemed because it is inactive, expired or used up.`,
          `${path}[promotion_code]`,
        );
      }
      if (code.customer && idOf(code.customer) !== owner.customer) {
        throw invalidRequest(
          "This promotion code is restricted to another customer.",
          `${path}[promotion_code]`,
        );
      }
      const id = code.promotion.coupon!;
      target = coupon(core, typeof id === "string" ? id : id.id, `${path}[promotion_code]`);
    } else {
      target = coupon(core, couponId!, `${path}[coupon]`);
      if (!couponValid(target)) {
        throw invalidRequest(`Coupon ${target.id} is no longer valid.`, `${path}[coupon]`);
      }
    }
    return {
      id: newId("di"),
      object: "discount",
      checkout_session: null,
      customer: owner.customer,
      customer_account: null,
      end:
        target.duration === "repeating" && target.duration_in_months
          ? addInterval(at, "month", target.duration_in_months)
          : null,
      invoice: null,
      invoice_item: null,
      promotion_code: codeId ?? null,
      source: { coupon: target.id, type: "coupon" },
      start: at,
      subscription: owner.subscription,
      subscription_item: null,
    } satisfies Stripe.Discount;
  });
}

/** Stores new discounts and counts the redemption of their coupon and code. */
export function redeemDiscounts(core: EmulatorCore, discounts: Stripe.Discount[]): string[] {
  const records = discountRecords(core);
  for (const value of discounts) {
    if (records[value.id]) continue;
    records[value.id] = value;
    const target = couponOf(core, value);
    if (target) target.times_redeemed += 1;
    if (typeof value.promotion_code === "string") {
      promotionCode(core, value.promotion_code).times_redeemed += 1;
    }
  }
  return discounts.map((value) => value.id);
}

/** The subscription's discounts as objects (Stripe returns their ids unless expanded). */
export function subscriptionDiscounts(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
): Stripe.Discount[] {
  return (subscription.discounts ?? []).map((entry) =>
    typeof entry === "string" ? discount(core, entry) : entry,
  );
}

const productOf = (line: Stripe.InvoiceLineItem): string | null =>
  line.pricing?.price_details?.product ?? null;

/**
 * Takes `discounts` off `invoice` (built without any) as of `at`, the moment the invoice is
 * (or, for a preview, would be) made. Returns the ids of the discounts that took something off.
 */
export function applyDiscounts(
  core: EmulatorCore,
  invoice: Stripe.Invoice,
  discounts: Stripe.Discount[],
  at: number,
): string[] {
  const remaining = new Map(invoice.lines.data.map((line) => [line.id, line.amount]));
  const used: string[] = [];
  let discounted = 0;
  for (const value of discounts) {
    if (value.end !== null && value.end <= at) continue;
    const target = couponOf(core, value);
    if (!target) continue;
    if (target.amount_off !== null && target.currency !== invoice.currency) continue;
    const eligible = invoice.lines.data.filter(
      (line) =>
        line.discountable &&
        (remaining.get(line.id) ?? 0) > 0 &&
        (!target.applies_to || target.applies_to.products.includes(productOf(line) ?? "")),
    );
    const base = eligible.reduce((sum, line) => sum + (remaining.get(line.id) ?? 0), 0);
    if (base <= 0) continue;
    const amounts = split(target, eligible, remaining, base);
    let total = 0;
    eligible.forEach((line, index) => {
      const amount = amounts[index] ?? 0;
      if (amount <= 0) return;
      remaining.set(line.id, (remaining.get(line.id) ?? 0) - amount);
      line.discount_amounts = [...(line.discount_amounts ?? []), { amount, discount: value.id }];
      line.discounts = [...line.discounts, value.id];
      total += amount;
    });
    if (total === 0) continue;
    invoice.total_discount_amounts = [
      ...(invoice.total_discount_amounts ?? []),
      { amount: total, discount: value.id },
    ];
    invoice.discounts = [...invoice.discounts, value.id];
    discounted += total;
    used.push(value.id);
  }
  if (discounted > 0) {
    const paid = invoice.status === "paid";
    const total = invoice.subtotal - discounted;
    invoice.total = total;
    invoice.total_excluding_tax = total;
    invoice.amount_due = Math.max(total, 0);
    invoice.amount_paid = paid ? invoice.amount_due : 0;
    invoice.amount_remaining = paid ? 0 : invoice.amount_due;
  }
  return used;
}

function split(
  target: Stripe.Coupon,
  lines: Stripe.InvoiceLineItem[],
  remaining: Map<string, number>,
  base: number,
): number[] {
  if (target.percent_off !== null) {
    const percent = target.percent_off;
    return lines.map((line) => Math.round(((remaining.get(line.id) ?? 0) * percent) / 100));
  }
  const off = Math.min(target.amount_off ?? 0, base);
  let given = 0;
  return lines.map((line, index) => {
    if (index === lines.length - 1) return off - given;
    const share = Math.floor((off * (remaining.get(line.id) ?? 0)) / base);
    given += share;
    return share;
  });
}

/**
 * A real (not preview) invoice of a subscription: its discounts apply, and a `once` discount
 * that took something off is used up and leaves the subscription.
 */
export function discountSubscriptionInvoice(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
): void {
  const discounts = subscriptionDiscounts(core, subscription);
  if (discounts.length === 0) return;
  const used = applyDiscounts(core, invoice, discounts, invoice.created);
  for (const value of discounts)
    value.invoice = used.includes(value.id) ? invoice.id : value.invoice;
  const spent = new Set(
    discounts
      .filter((value) => used.includes(value.id) && couponOf(core, value)?.duration === "once")
      .map((value) => value.id),
  );
  if (spent.size > 0) {
    subscription.discounts = (subscription.discounts ?? []).filter(
      (entry) => !spent.has(typeof entry === "string" ? entry : entry.id),
    );
  }
}

/**
 * `POST /v1/invoices/create_preview`: `discounts` replaces the subscription's for the preview
 * (nothing is redeemed); without it the subscription's own discounts apply.
 */
export function discountPreview(
  core: EmulatorCore,
  params: Params,
  invoice: Stripe.Invoice,
): Stripe.Invoice {
  const subscriptionId = invoice.parent?.subscription_details?.subscription ?? null;
  const subscription =
    typeof subscriptionId === "string" ? core.data.subscriptions[subscriptionId] : undefined;
  const at = Math.max(invoice.period_end, invoice.created);
  const requested = discountsFromParams(core, params, invoice.created, {
    customer: idOf(invoice.customer ?? ""),
    subscription: subscription?.id ?? null,
  });
  const discounts = requested ?? (subscription ? subscriptionDiscounts(core, subscription) : []);
  applyDiscounts(core, invoice, discounts, at);
  return invoice;
}

/**
 * `discounts` on a Checkout Session, checked when the session is created (as Stripe does) and
 * kept as given until it is paid. Stripe takes either these or `allow_promotion_codes`.
 */
export function checkoutDiscounts(
  core: EmulatorCore,
  params: Params,
  customer: string | null,
): Params[] | undefined {
  const entries = optionalObjectArray(params, "discounts");
  if (entries === undefined || entries.length === 0) return undefined;
  if (params.allow_promotion_codes === "true") {
    throw invalidRequest(
      "You may only specify one of these parameters: allow_promotion_codes, discounts.",
      "discounts",
    );
  }
  discountsFromParams(core, params, 0, { customer: customer ?? "", subscription: null });
  return entries;
}

/** The paid session's discounts, redeemed onto the subscription it created. */
export function redeemCheckoutDiscounts(
  core: EmulatorCore,
  entries: Params[] | undefined,
  subscription: Stripe.Subscription,
  at: number,
): void {
  if (!entries) return;
  const discounts = discountsFromParams(core, { discounts: entries }, at, {
    customer: idOf(subscription.customer),
    subscription: subscription.id,
  });
  if (discounts) subscription.discounts = redeemDiscounts(core, discounts);
}
