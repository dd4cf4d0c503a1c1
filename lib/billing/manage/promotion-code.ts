import "server-only";

import type Stripe from "stripe";
import { FieldError } from "@/lib/errors";
import { formatAmount } from "../plans/plans";
import { stripe } from "../stripe/client";

// Checked before anything is previewed or changed: a bad code is a field error, not a failed call.

export const PROMOTION_CODE_FIELD = "promotionCode";

/** One short lookup, not retried: the owner is waiting and can simply try again. */
const LOOKUP_OPTIONS: Stripe.RequestOptions = { timeout: 5_000, maxNetworkRetries: 0 };

export type RedeemableCode = {
  /** Stripe's promo_… id, what subscriptions.update and invoices.createPreview take. */
  id: string;
  code: string;
  summary: string;
};

export type CodeTarget = {
  currency: string;
  productId: () => Promise<string | null>;
  customerId: string;
  /** A plan change on a subscription is not a first purchase. */
  firstPurchase: boolean;
};

const invalid = (message: string) => new FieldError(PROMOTION_CODE_FIELD, message);

export async function redeemableCode(raw: string, target: CodeTarget): Promise<RedeemableCode> {
  const found = await stripe().promotionCodes.list(
    { code: raw, active: true, limit: 1, expand: ["data.promotion.coupon"] },
    LOOKUP_OPTIONS,
  );
  const promotion = found.data[0];
  // Restricted to another customer reads the same as unknown: it says nothing about others.
  if (!promotion || (promotion.customer && idOf(promotion.customer) !== target.customerId)) {
    throw invalid("This promotion code is not valid. Check it and try again.");
  }
  const coupon = promotion.promotion.coupon;
  if (!coupon || typeof coupon === "string") {
    throw invalid("This promotion code is not valid. Check it and try again.");
  }
  const now = Math.floor(Date.now() / 1000);
  if ((promotion.expires_at !== null && promotion.expires_at <= now) || !coupon.valid) {
    throw invalid("This promotion code has expired.");
  }
  if (promotion.max_redemptions !== null && promotion.times_redeemed >= promotion.max_redemptions) {
    throw invalid("This promotion code has been used up.");
  }
  if (promotion.restrictions.first_time_transaction && !target.firstPurchase) {
    throw invalid("This promotion code is only for a first purchase.");
  }
  if (coupon.amount_off !== null && coupon.currency !== target.currency) {
    throw invalid("This promotion code does not apply to this plan.");
  }
  const products = coupon.applies_to?.products;
  if (products && products.length > 0) {
    const product = await target.productId();
    if (!product || !products.includes(product)) {
      throw invalid("This promotion code does not apply to this plan.");
    }
  }
  return { id: promotion.id, code: promotion.code, summary: couponSummary(coupon) };
}

function idOf(value: string | { id: string }): string {
  return typeof value === "string" ? value : value.id;
}

export function couponSummary(
  coupon: Pick<
    Stripe.Coupon,
    "percent_off" | "amount_off" | "currency" | "duration" | "duration_in_months"
  >,
): string {
  const off =
    coupon.percent_off !== null
      ? `${coupon.percent_off}% off`
      : `${formatAmount(coupon.amount_off ?? 0, coupon.currency ?? undefined)} off`;
  switch (coupon.duration) {
    case "forever":
      return `${off} for as long as the subscription lasts`;
    case "repeating": {
      const months = coupon.duration_in_months ?? 1;
      return `${off} for ${months} ${months === 1 ? "month" : "months"}`;
    }
    default:
      return `${off} the next invoice`;
  }
}
