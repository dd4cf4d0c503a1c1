/**
 * Coupons and promotion codes: `POST/GET /v1/coupons`, `POST/GET /v1/promotion_codes`. A coupon
 * says what is taken off (percent_off, or amount_off in one currency) and for how long (once,
 * forever, repeating for duration_in_months); a promotion code is the customer-facing string
 * that redeems it, with its own expiry and redemption limit.
 */
import type Stripe from "stripe";
import type { EmulatorCore } from "./core";
import { invalidRequest, resourceMissing } from "./errors";
import { newId, nowSeconds } from "./ids";
import { apiList } from "./objects";
import {
  mergeMetadata,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
  type Params,
} from "./params";

const DURATIONS = ["once", "forever", "repeating"] as const;

export function coupons(core: EmulatorCore): Record<string, Stripe.Coupon> {
  return (core.data.coupons ??= {});
}

export function promotionCodes(core: EmulatorCore): Record<string, Stripe.PromotionCode> {
  return (core.data.promotionCodes ??= {});
}

export function coupon(core: EmulatorCore, id: string, param = "coupon"): Stripe.Coupon {
  const found = coupons(core)[id];
  if (!found) throw resourceMissing("coupon", id, param);
  return found;
}

export function promotionCode(
  core: EmulatorCore,
  id: string,
  param = "promotion_code",
): Stripe.PromotionCode {
  const found = promotionCodes(core)[id];
  if (!found) throw resourceMissing("promotion_code", id, param);
  return found;
}

/** Stripe's own validity: not past redeem_by and not redeemed max_redemptions times. */
export function couponValid(value: Stripe.Coupon, now = nowSeconds()): boolean {
  if (value.redeem_by !== null && value.redeem_by <= now) return false;
  if (value.max_redemptions !== null && value.times_redeemed >= value.max_redemptions) return false;
  return true;
}

/** A code can be redeemed: active, not expired, under its limit, and its coupon still valid. */
export function promotionCodeRedeemable(core: EmulatorCore, code: Stripe.PromotionCode): boolean {
  const now = nowSeconds();
  if (!code.active) return false;
  if (code.expires_at !== null && code.expires_at <= now) return false;
  if (code.max_redemptions !== null && code.times_redeemed >= code.max_redemptions) return false;
  const couponId = code.promotion.coupon;
  if (!couponId) return false;
  return couponValid(coupon(core, typeof couponId === "string" ? couponId : couponId.id), now);
}

export function createCoupon(core: EmulatorCore, params: Params): Stripe.Coupon {
  const percentOff = optionalString(params, "percent_off");
  const amountOff = optionalInteger(params, "amount_off");
  const currency = optionalString(params, "currency")?.toLowerCase() ?? null;
  if ((percentOff === undefined) === (amountOff === undefined)) {
    throw invalidRequest("You must pass exactly one of percent_off or amount_off.", "percent_off");
  }
  const percent = percentOff === undefined ? null : Number(percentOff);
  if (percent !== null && !(percent > 0 && percent <= 100)) {
    throw invalidRequest(
      "Invalid percent_off: must be greater than 0 and at most 100",
      "percent_off",
    );
  }
  if (amountOff !== undefined && (amountOff <= 0 || !currency)) {
    throw invalidRequest(
      "amount_off must be a positive integer and requires a currency.",
      amountOff <= 0 ? "amount_off" : "currency",
    );
  }
  const duration = optionalString(params, "duration") ?? "once";
  if (!(DURATIONS as readonly string[]).includes(duration)) {
    throw invalidRequest(`Invalid duration: must be one of ${DURATIONS.join(", ")}`, "duration");
  }
  const months = optionalInteger(params, "duration_in_months") ?? null;
  if ((duration === "repeating") !== (months !== null)) {
    throw invalidRequest(
      "duration_in_months is required with duration=repeating, and only then.",
      "duration_in_months",
    );
  }
  if (months !== null && months < 1) {
    throw invalidRequest("Invalid duration_in_months: must be at least 1", "duration_in_months");
  }
  const id = optionalString(params, "id") ?? newId("", 8).replace(/^_/, "");
  if (coupons(core)[id]) throw invalidRequest(`Coupon already exists.`, "id");
  const appliesTo = optionalObject(params, "applies_to");
  const products = appliesTo?.products;
  const created: Stripe.Coupon = {
    id,
    object: "coupon",
    amount_off: amountOff ?? null,
    ...(Array.isArray(products)
      ? { applies_to: { products: products.filter((p): p is string => typeof p === "string") } }
      : {}),
    created: nowSeconds(),
    currency: amountOff === undefined ? null : currency,
    duration,
    duration_in_months: months,
    livemode: false,
    max_redemptions: optionalInteger(params, "max_redemptions") ?? null,
    metadata: mergeMetadata({}, params),
    name: optionalString(params, "name") ?? null,
    percent_off: percent,
    redeem_by: optionalInteger(params, "redeem_by") ?? null,
    times_redeemed: 0,
    valid: true,
  };
  coupons(core)[id] = created;
  core.save();
  return withValidity(created);
}

function withValidity(value: Stripe.Coupon): Stripe.Coupon {
  return { ...value, valid: couponValid(value) };
}

export function retrieveCoupon(core: EmulatorCore, id: string): Stripe.Coupon {
  return withValidity(coupon(core, id, "id"));
}

export function createPromotionCode(core: EmulatorCore, params: Params): Stripe.PromotionCode {
  const promotion = optionalObject(params, "promotion");
  if (!promotion) throw invalidRequest("Missing required param: promotion.", "promotion");
  const couponId = requiredString(promotion, "coupon", "promotion[coupon]");
  coupon(core, couponId, "promotion[coupon]");
  const code = optionalString(params, "code") ?? newId("", 8).replace(/^_/, "").toUpperCase();
  // Codes are unique among active codes, compared without case.
  const taken = Object.values(promotionCodes(core)).some(
    (existing) => existing.active && existing.code.toLowerCase() === code.toLowerCase(),
  );
  if (taken)
    throw invalidRequest("An active promotion code with this code already exists.", "code");
  const restrictions = optionalObject(params, "restrictions") ?? {};
  const created: Stripe.PromotionCode = {
    id: newId("promo"),
    object: "promotion_code",
    active: optionalBoolean(params, "active") ?? true,
    code,
    created: nowSeconds(),
    customer: optionalString(params, "customer") ?? null,
    customer_account: null,
    expires_at: optionalInteger(params, "expires_at") ?? null,
    livemode: false,
    max_redemptions: optionalInteger(params, "max_redemptions") ?? null,
    metadata: mergeMetadata({}, params),
    promotion: { coupon: couponId, type: "coupon" },
    restrictions: {
      first_time_transaction:
        optionalBoolean(
          restrictions,
          "first_time_transaction",
          "restrictions[first_time_transaction]",
        ) ?? false,
      minimum_amount:
        optionalInteger(restrictions, "minimum_amount", "restrictions[minimum_amount]") ?? null,
      minimum_amount_currency:
        optionalString(
          restrictions,
          "minimum_amount_currency",
          "restrictions[minimum_amount_currency]",
        ) ?? null,
    },
    times_redeemed: 0,
  };
  promotionCodes(core)[created.id] = created;
  core.save();
  return created;
}

export function updatePromotionCode(
  core: EmulatorCore,
  id: string,
  params: Params,
): Stripe.PromotionCode {
  const found = promotionCode(core, id, "id");
  const active = optionalBoolean(params, "active");
  if (active !== undefined) found.active = active;
  found.metadata = mergeMetadata(found.metadata ?? {}, params);
  core.save();
  return found;
}

/** `code` matches exactly, without case, as on Stripe; newest first. */
export function listPromotionCodes(
  core: EmulatorCore,
  params: Params,
): Stripe.ApiList<Stripe.PromotionCode> {
  const code = optionalString(params, "code");
  const active = optionalBoolean(params, "active");
  const couponId = optionalString(params, "coupon");
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("Invalid limit: must be between 1 and 100", "limit");
  }
  const expand = params.expand;
  const expandCoupon =
    Array.isArray(expand) && expand.some((path) => path === "data.promotion.coupon");
  const matching = Object.values(promotionCodes(core))
    .reverse()
    .filter(
      (candidate) => code === undefined || candidate.code.toLowerCase() === code.toLowerCase(),
    )
    .filter((candidate) => active === undefined || candidate.active === active)
    .filter((candidate) => couponId === undefined || candidate.promotion.coupon === couponId)
    .map((candidate) => (expandCoupon ? expandPromotion(core, candidate) : candidate));
  return apiList(matching.slice(0, limit), "/v1/promotion_codes", matching.length > limit);
}

export function expandPromotion(
  core: EmulatorCore,
  code: Stripe.PromotionCode,
): Stripe.PromotionCode {
  const couponId = code.promotion.coupon;
  if (typeof couponId !== "string") return code;
  return { ...code, promotion: { ...code.promotion, coupon: retrieveCoupon(core, couponId) } };
}
