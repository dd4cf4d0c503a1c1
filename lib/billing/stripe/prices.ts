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
  const cached = cache.get(price.lookupKey);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.id;
  const found = await stripe().prices.list({
    lookup_keys: [price.lookupKey],
    active: true,
    limit: 1,
  });
  const id = found.data[0]?.id;
  if (!id) throw new PlanNotConfiguredError(plan.name);
  cache.set(price.lookupKey, { id, at: Date.now() });
  return id;
}
