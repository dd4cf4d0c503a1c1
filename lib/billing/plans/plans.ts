/**
 * Keel's plans: the one place prices, trials and entitlements are declared. The pricing
 * page, the billing page, the entitlement checks, `npm run stripe:sync` and the webhook's
 * price-to-plan mapping all read this file, so changing a plan is changing it here.
 *
 * Paid plans are priced per seat: the subscription's quantity follows the organization's
 * member count (lib/billing/seats.ts). Amounts are in the smallest currency unit.
 *
 * To add a plan: add its id to `planIds`, declare it in `plans`, run `npm run stripe:sync`
 * against your Stripe account, and the pricing page and checkout pick it up.
 */

export const planIds = ["free", "pro", "business"] as const;
export type PlanId = (typeof planIds)[number];

export const billingIntervals = ["month", "year"] as const;
export type BillingInterval = (typeof billingIntervals)[number];

/** Features a plan switches on or off (limits are numbers, below). */
export const features = ["api", "auditExport"] as const;
export type Feature = (typeof features)[number];

export type Entitlements = {
  /** Most members (and pending invitations) the organization may have. */
  seats: number;
  /** Most projects; null means no limit. */
  projects: number | null;
} & Record<Feature, boolean>;

export type PlanPrice = {
  /** Per seat, in the smallest currency unit. */
  amount: number;
  /** Stripe's lookup key: `stripe:sync` creates the price under it, checkout finds it by it. */
  lookupKey: string;
};

export type Plan = {
  id: PlanId;
  name: string;
  tagline: string;
  /** What the pricing page lists, in order. */
  highlights: readonly string[];
  /** Null for the free plan: nothing to pay, nothing at Stripe. */
  prices: Record<BillingInterval, PlanPrice> | null;
  trialDays: number;
  entitlements: Entitlements;
  /** Audit entries older than this are deleted by data retention (lib/retention). */
  auditRetentionDays: number;
};

export const currency = "usd";

export const plans: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    tagline: "For trying Keel with a small team.",
    highlights: ["Up to 3 members", "Up to 3 projects", "Audit log"],
    prices: null,
    trialDays: 0,
    entitlements: { seats: 3, projects: 3, api: false, auditExport: false },
    auditRetentionDays: 90,
  },
  pro: {
    id: "pro",
    name: "Pro",
    tagline: "For growing teams that ship every day.",
    highlights: ["Up to 25 members", "Up to 100 projects", "JSON API access", "Audit log"],
    prices: {
      month: { amount: 1200, lookupKey: "keel_pro_monthly" },
      year: { amount: 12000, lookupKey: "keel_pro_yearly" },
    },
    trialDays: 14,
    entitlements: { seats: 25, projects: 100, api: true, auditExport: false },
    auditRetentionDays: 365,
  },
  business: {
    id: "business",
    name: "Business",
    tagline: "For organizations that answer to auditors.",
    highlights: [
      "Up to 200 members",
      "Unlimited projects",
      "JSON API access",
      "Audit log with CSV export",
    ],
    prices: {
      month: { amount: 2400, lookupKey: "keel_business_monthly" },
      year: { amount: 24000, lookupKey: "keel_business_yearly" },
    },
    trialDays: 14,
    entitlements: { seats: 200, projects: null, api: true, auditExport: true },
    auditRetentionDays: 7 * 365,
  },
};

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (planIds as readonly string[]).includes(value);
}

export function planOf(id: string): Plan {
  return isPlanId(id) ? plans[id] : plans.free;
}

/** Paid plans, cheapest first: what the pricing page and the plan picker offer. */
export const paidPlans = planIds.map((id) => plans[id]).filter((plan) => plan.prices !== null);

/** The plan and interval a Stripe lookup key stands for, or null when it is none of ours. */
export function planForLookupKey(
  lookupKey: string | null | undefined,
): { plan: Plan; interval: BillingInterval } | null {
  if (!lookupKey) return null;
  for (const plan of paidPlans) {
    for (const interval of billingIntervals) {
      if (plan.prices?.[interval].lookupKey === lookupKey) return { plan, interval };
    }
  }
  return null;
}

/** "$12", "$120": whole amounts without cents, others with. */
export function formatAmount(amount: number, currencyCode = currency): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    minimumFractionDigits: amount % 100 === 0 ? 0 : 2,
  }).format(amount / 100);
}
