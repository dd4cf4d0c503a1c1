import type Stripe from "stripe";
import {
  billingIntervals,
  currency,
  paidPlans,
  type BillingInterval,
  type PlanId,
} from "../plans/plans";
import { idOf } from "../subscription/state";

// Idempotent. Stripe prices cannot change amount, so a new amount gets a new price, the lookup key
// moves to it (existing subscriptions keep theirs) and the old one is archived.

export type CatalogEntry = {
  plan: PlanId;
  interval: BillingInterval;
  lookupKey: string;
  productId: string;
  priceId: string;
  amount: number;
  action: "created" | "replaced" | "unchanged";
};

async function findProduct(client: Stripe, plan: PlanId): Promise<Stripe.Product | undefined> {
  for await (const product of client.products.list({ limit: 100 })) {
    if (product.metadata?.keel_plan === plan) return product;
  }
  return undefined;
}

export async function syncCatalog(client: Stripe): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const plan of paidPlans) {
    if (!plan.prices) continue;
    const fields = { name: plan.name, description: plan.tagline, active: true };
    const existing = await findProduct(client, plan.id);
    const product = existing
      ? existing.name === fields.name &&
        existing.description === fields.description &&
        existing.active
        ? existing
        : await client.products.update(existing.id, fields)
      : await client.products.create({ ...fields, metadata: { keel_plan: plan.id } });

    for (const interval of billingIntervals) {
      const { amount, lookupKey } = plan.prices[interval];
      const [current] = (await client.prices.list({ lookup_keys: [lookupKey], limit: 1 })).data;
      const matches =
        current !== undefined &&
        current.active &&
        current.unit_amount === amount &&
        current.currency === currency &&
        current.recurring?.interval === interval &&
        idOf(current.product) === product.id;
      let priceId: string;
      let action: CatalogEntry["action"];
      if (matches) {
        priceId = current.id;
        action = "unchanged";
      } else {
        const created = await client.prices.create({
          product: product.id,
          unit_amount: amount,
          currency,
          recurring: { interval },
          lookup_key: lookupKey,
          transfer_lookup_key: true,
          nickname: `${plan.name} (${interval}ly, per seat)`,
          metadata: { plan: plan.id },
        });
        if (current) await client.prices.update(current.id, { active: false });
        priceId = created.id;
        action = current ? "replaced" : "created";
      }
      entries.push({
        plan: plan.id,
        interval,
        lookupKey,
        productId: product.id,
        priceId,
        amount,
        action,
      });
    }
  }
  return entries;
}
