import type Stripe from "stripe";

// Local emulator only: in a real account, promotions are a business decision.

export const SAMPLE_PROMOTION_CODE = "WELCOME20";

export async function syncSamplePromotionCode(
  client: Stripe,
): Promise<{ code: string; action: "created" | "unchanged" }> {
  const existing = await client.promotionCodes.list({
    code: SAMPLE_PROMOTION_CODE,
    active: true,
    limit: 1,
  });
  if (existing.data.length > 0) return { code: SAMPLE_PROMOTION_CODE, action: "unchanged" };
  const coupon = await client.coupons.create({
    name: "Welcome: 20% off for 3 months",
    percent_off: 20,
    duration: "repeating",
    duration_in_months: 3,
  });
  await client.promotionCodes.create({
    code: SAMPLE_PROMOTION_CODE,
    promotion: { type: "coupon", coupon: coupon.id },
  });
  return { code: SAMPLE_PROMOTION_CODE, action: "created" };
}
