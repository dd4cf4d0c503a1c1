import "server-only";

import { ExpectedError } from "@/lib/errors";
import { plans, type BillingInterval, type PlanId } from "../plans/plans";
import { stripe } from "./client";

// Cached briefly: prices change rarely, and checkout should not pay a round trip per click.

const CACHE_MS = 5 * 60 * 1000;
const cache = new Map<string, { id: string; at: number }>();

export class PlanNotConfiguredError extends ExpectedError {
  constructor(planName: string) {
    super(
      `The ${planName} plan is not set up in Stripe yet. Run \`npm run stripe:sync\` and try again.`,
      409,
    );
    this.name = "PlanNotConfiguredError";
  }
}

export async function priceIdFor(planId: PlanId, interval: BillingInterval): Promise<string> {
  const plan = plans[planId];
  const price = plan.prices?.[interval];
  if (!price) throw new ExpectedError(`The ${plan.name} plan has no price to pay.`, 422);
  return priceIdForLookupKey(price.lookupKey, plan.name);
}

// Every paid plan's API-call price: a monthly subscription carries all of them, so each call is
// billed on the meter (and at the price) of the plan it was made on, even after a plan change.
export async function meteredPriceIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const plan of Object.values(plans)) {
    const key = plan.apiUsage.overageLookupKey;
    if (key) ids.push(await priceIdForLookupKey(key, plan.name));
  }
  return ids;
}

async function priceIdForLookupKey(lookupKey: string, planName: string): Promise<string> {
  const cached = cache.get(lookupKey);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.id;
  const found = await stripe().prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const id = found.data[0]?.id;
  if (!id) throw new PlanNotConfiguredError(planName);
  cache.set(lookupKey, { id, at: Date.now() });
  return id;
}
