import { brand } from "@/brand.config";
import { flagDefaults, flagNames, type Flag } from "./flags";
import { currencyFormat } from "@/lib/format/numbers";

// The one place plans are declared (pricing page, entitlements, stripe:sync, webhook). Paid plans
// are priced per seat, in the smallest currency unit.

export const planIds = ["free", "pro", "business"] as const;
export type PlanId = (typeof planIds)[number];

export const billingIntervals = ["month", "year"] as const;
export type BillingInterval = (typeof billingIntervals)[number];

export const features: readonly Flag[] = flagNames;
export type Feature = Flag;

export type Entitlements = {
  seats: number;
  projects: number | null;
} & Record<Feature, boolean>;

export type PlanPrice = {
  amount: number;
  lookupKey: string;
};

// Each paid plan has its own meter, so calls are billed at the price of the plan they were made on.
export type ApiUsagePricing = {
  includedCalls: number;
  overagePer1000: number | null;
  overageLookupKey: string | null;
  meterEventName: string | null;
};

export type Plan = {
  id: PlanId;
  name: string;
  tagline: string;
  highlights: readonly string[];
  prices: Record<BillingInterval, PlanPrice> | null;
  trialDays: number;
  entitlements: Entitlements;
  auditRetentionDays: number;
  apiUsage: ApiUsagePricing;
};

export const currency = "usd";

export const plans: Record<PlanId, Plan> = {
  free: {
    id: "free",
    name: "Free",
    tagline: `For trying ${brand.name} with a small team.`,
    highlights: ["Up to 3 members", "Up to 3 projects", "Audit log"],
    prices: null,
    trialDays: 0,
    entitlements: { seats: 3, projects: 3, ...flagDefaults("free") },
    auditRetentionDays: 90,
    apiUsage: {
      includedCalls: 0,
      overagePer1000: null,
      overageLookupKey: null,
      meterEventName: null,
    },
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
    entitlements: { seats: 25, projects: 100, ...flagDefaults("pro") },
    auditRetentionDays: 365,
    apiUsage: {
      includedCalls: 10_000,
      overagePer1000: 100,
      overageLookupKey: "keel_pro_api_calls",
      meterEventName: "keel_api_calls_pro",
    },
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
    entitlements: { seats: 200, projects: null, ...flagDefaults("business") },
    auditRetentionDays: 7 * 365,
    apiUsage: {
      includedCalls: 100_000,
      overagePer1000: 50,
      overageLookupKey: "keel_business_api_calls",
      meterEventName: "keel_api_calls_business",
    },
  },
};

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (planIds as readonly string[]).includes(value);
}

export function planOf(id: string): Plan {
  return isPlanId(id) ? plans[id] : plans.free;
}

export const paidPlans = planIds.map((id) => plans[id]).filter((plan) => plan.prices !== null);

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

export function formatAmount(amount: number, currencyCode = currency): string {
  return currencyFormat(currencyCode, amount % 100 === 0 ? 0 : 2).format(amount / 100);
}
