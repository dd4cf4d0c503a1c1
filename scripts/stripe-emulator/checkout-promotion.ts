/**
 * Promotion codes at checkout. A session created with `allow_promotion_codes` shows a code
 * field on the hosted page, as Stripe's does; a code typed there is checked by Stripe's rules
 * (active, not expired or used up, the customer's own if restricted, in the session's currency)
 * and kept on the session until it is paid, like `discounts` given when it was created. Either
 * way the session's totals show what the coupon takes off today.
 */
import type { EmulatorCore } from "./core";
import { discountsFromParams } from "./discounts";
import { idOf } from "./objects";
import { coupon, listPromotionCodes, promotionCodes } from "./promotions";
import type { CheckoutRecord } from "./state";

/** What Stripe's checkout says for any code it will not take: it never says why. */
export const INVALID_CODE = "This code is invalid.";

export type CodeOutcome = { ok: true } | { ok: false; message: string };

/** The code typed on the hosted page, applied to the open session or refused with a message. */
export function enterPromotionCode(core: EmulatorCore, id: string, typed: string): CodeOutcome {
  const record = core.checkout(id);
  const session = record.session;
  if (session.status !== "open") {
    return { ok: false, message: `This checkout session is ${session.status ?? "closed"}.` };
  }
  if (!session.allow_promotion_codes) {
    return { ok: false, message: "This checkout does not take promotion codes." };
  }
  const wanted = typed.trim();
  // The API's own lookup by code (without case, newest first), as the app's server asks for it.
  const [found] = wanted
    ? listPromotionCodes(core, { code: wanted, active: "true", limit: "1" }).data
    : [];
  if (!found) return { ok: false, message: INVALID_CODE };
  const entries = [{ promotion_code: found.id }];
  try {
    discountsFromParams(core, { discounts: entries }, 0, {
      customer: session.customer ? idOf(session.customer) : "",
      subscription: null,
    });
  } catch {
    return { ok: false, message: INVALID_CODE };
  }
  const target = couponOfCode(core, found.id);
  if (target.amount_off !== null && target.currency !== session.currency) {
    return { ok: false, message: INVALID_CODE };
  }
  record.discounts = entries;
  priceCheckoutDiscounts(core, record);
  core.save();
  return { ok: true };
}

function couponOfCode(core: EmulatorCore, codeId: string) {
  return coupon(core, idOf(promotionCodes(core)[codeId]!.promotion.coupon!));
}

/**
 * The session's `discounts` and totals from its kept discount: percent off rounded, an amount
 * off capped at the subtotal. A trial's checkout charges nothing today, so nothing comes off.
 */
export function priceCheckoutDiscounts(core: EmulatorCore, record: CheckoutRecord): void {
  const session = record.session;
  const entry = record.discounts?.[0];
  if (!entry) return;
  const codeId = typeof entry.promotion_code === "string" ? entry.promotion_code : null;
  const couponId = typeof entry.coupon === "string" ? entry.coupon : null;
  const target = codeId ? couponOfCode(core, codeId) : couponId ? coupon(core, couponId) : null;
  if (!target) return;
  const subtotal = session.amount_subtotal ?? 0;
  const off =
    target.percent_off !== null
      ? Math.round((subtotal * target.percent_off) / 100)
      : target.currency === session.currency
        ? Math.min(target.amount_off ?? 0, subtotal)
        : 0;
  session.discounts = [{ coupon: target.id, promotion_code: codeId }];
  session.total_details = {
    amount_discount: off,
    amount_shipping: session.total_details?.amount_shipping ?? 0,
    amount_tax: session.total_details?.amount_tax ?? 0,
  };
  session.amount_total = subtotal - off;
}

/** The code and the coupon's name for the page, when the session has a discount. */
export function checkoutDiscountLabel(core: EmulatorCore, record: CheckoutRecord): string | null {
  const applied = record.session.discounts?.[0];
  if (!applied) return null;
  const code = applied.promotion_code
    ? promotionCodes(core)[idOf(applied.promotion_code)]?.code
    : undefined;
  const couponId = applied.coupon ? idOf(applied.coupon) : null;
  const name = couponId ? (coupon(core, couponId).name ?? couponId) : null;
  return [code, name].filter(Boolean).join(": ") || null;
}
