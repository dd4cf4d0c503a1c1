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

type PriceSync = { priceId: string; action: CatalogEntry["action"] };

async function syncPrice(
  client: Stripe,
  params: Stripe.PriceCreateParams & { lookup_key: string },
  matches: (price: Stripe.Price) => boolean,
): Promise<PriceSync> {
  const [current] = (await client.prices.list({ lookup_keys: [params.lookup_key], limit: 1 })).data;
  if (current?.active && current.currency === params.currency && matches(current)) {
    return { priceId: current.id, action: "unchanged" };
  }
  const created = await client.prices.create({ ...params, transfer_lookup_key: true });
  if (current) await client.prices.update(current.id, { active: false });
  return { priceId: created.id, action: current ? "replaced" : "created" };
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
      const { priceId, action } = await syncPrice(
        client,
        {
          product: product.id,
          unit_amount: amount,
          currency,
          recurring: { interval },
          lookup_key: lookupKey,
          nickname: `${plan.name} (${interval}ly, per seat)`,
          metadata: { plan: plan.id },
        },
        (price) =>
          price.unit_amount === amount &&
          price.recurring?.interval === interval &&
          idOf(price.product) === product.id,
      );
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

export type MeteredEntry = {
  plan: PlanId;
  eventName: string;
  meterId: string;
  lookupKey: string;
  priceId: string;
  amount: number;
  action: "created" | "replaced" | "unchanged";
};

async function ensureMeter(client: Stripe, eventName: string, planName: string) {
  for await (const meter of client.billing.meters.list({ status: "active", limit: 100 })) {
    if (meter.event_name === eventName) return meter;
  }
  return client.billing.meters.create({
    display_name: `${planName} API calls beyond the included amount`,
    event_name: eventName,
    default_aggregation: { formula: "sum" },
    customer_mapping: { type: "by_id", event_payload_key: "stripe_customer_id" },
    value_settings: { event_payload_key: "value" },
  });
}

// Stripe cannot combine a free tier with rounding up per 1,000, so the app subtracts the included
// calls and reports only those beyond.
export async function syncMeteredPrices(client: Stripe): Promise<MeteredEntry[]> {
  const entries: MeteredEntry[] = [];
  for (const plan of paidPlans) {
    const { overagePer1000, overageLookupKey, meterEventName } = plan.apiUsage;
    if (overagePer1000 === null || !overageLookupKey || !meterEventName) continue;
    const product = await findProduct(client, plan.id);
    if (!product) throw new Error(`Sync the ${plan.name} product before its metered price.`);
    const meter = await ensureMeter(client, meterEventName, plan.name);
    const { priceId, action } = await syncPrice(
      client,
      {
        product: product.id,
        unit_amount: overagePer1000,
        currency,
        recurring: { interval: "month", usage_type: "metered", meter: meter.id },
        transform_quantity: { divide_by: 1000, round: "up" },
        lookup_key: overageLookupKey,
        nickname: `${plan.name} API calls (per 1,000 beyond ${plan.apiUsage.includedCalls})`,
        metadata: { plan: plan.id, usage: "api_calls" },
      },
      (price) =>
        price.unit_amount === overagePer1000 &&
        price.recurring?.usage_type === "metered" &&
        price.recurring.meter === meter.id &&
        price.transform_quantity?.divide_by === 1000 &&
        idOf(price.product) === product.id,
    );
    entries.push({
      plan: plan.id,
      eventName: meterEventName,
      meterId: meter.id,
      lookupKey: overageLookupKey,
      priceId,
      amount: overagePer1000,
      action,
    });
  }
  return entries;
}
