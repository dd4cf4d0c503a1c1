import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { MonthMetrics } from "@/lib/metrics/derive";
import { addMonths, monthKey, monthStart } from "@/lib/metrics/months";

/**
 * Thirteen organizations over six months (M1..M6), every metric of every month computed by hand.
 * The months end `monthsAgoOffset` months before the current one (1: M6 is last month), so data
 * created "now" by other tests in the same database never changes them. A few events sit in M0
 * (the month before M1) so M1 starts with revenue.
 *
 * Prices (cents per seat): Pro 1200/month or 12000/year (1000 a month), Business 2400/month or
 * 24000/year (2000 a month). Gross margin 80 %.
 *
 *   A  M0 Pro monthly x2 (2400)          M2 upgrade to Business x2 (4800): expansion 2400
 *   B  M0 Business x3 (7200)             M3 downgrade to Pro x3 (3600): contraction 3600
 *   C  M0 Pro x5 (6000)                  M2 7 seats (8400): expansion 2400; M4 4 seats (4800): contraction 3600
 *   D  M1 Business yearly x1 (24000/12 = 2000): new; M5 2 seats (4000): expansion 2000
 *   E  M1 trial Pro x3, converts M1 (3600): new; M6 past due, still counts
 *   F  M2 trial Business x2, canceled M2: a trial that did not convert, no revenue
 *   G  M0 Pro x1, no price terms on the event (list price 1200); M3 past due (counts); M4 canceled: churn 1200
 *   H  M0 Pro x2 (2400); M1 canceled: churn 2400; M5 back (2400): reactivation
 *   I  M2 comp of Business until M4 day 10: complimentary at the end of M2 and M3, never revenue
 *   J  M0 Pro x1 (1200), paying throughout; M3 comp granted, M5 comp ended: the comp overrides nothing
 *   K  M0 Business x1 (2400); M3 3 seats then back to 1 (round trip nets out); M6 canceled: churn 2400
 *   L  M6 Pro yearly x3 (36000/12 = 3000): new; its invoice and refund rows are not revenue
 *   M  M5 trial Pro x2 (still trialing at the end of M5); M6 converts (2400): new
 */

export type FixtureOptions = { organizationPrefix: string; monthsAgoOffset?: number; now?: Date };

type Letter = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m";

export type FixtureEvent = {
  organizationId: string;
  type: string;
  occurredAt: Date;
  toStatus: SubscriptionStatus | null;
  plan: string | null;
  seats: number | null;
  interval: string | null;
  unitAmount: number | null;
  complimentary: boolean;
  amount?: number;
  data?: Prisma.InputJsonValue;
};

/** What the page and the engine must show for each fixture month (spend included). */
export type ExpectedMonth = Omit<MonthMetrics, "version" | "month">;

export const fixtureGrossMargin = 0.8;

/** Sales and marketing spend per fixture month (cents); M3 has none entered. */
export const fixtureSpend = [104_000, 50_000, null, 30_000, 20_000, 90_000] as const;

export function metricsFixture({
  organizationPrefix,
  monthsAgoOffset = 1,
  now = new Date(),
}: FixtureOptions) {
  const m1 = addMonths(monthStart(now), -monthsAgoOffset - 5);
  const months = Array.from({ length: 6 }, (_, i) => addMonths(m1, i));
  const at = (month: number, day: number) =>
    new Date(addMonths(m1, month - 1).getTime() + (day - 1) * 86_400_000 + 12 * 3_600_000);
  const id = (letter: Letter) => `${organizationPrefix}-${letter}`;
  const events: FixtureEvent[] = [];
  const state = (
    letter: Letter,
    month: number,
    day: number,
    status: SubscriptionStatus,
    plan: string,
    seats: number,
    interval: "month" | "year" | null,
    unitAmount: number | null,
  ) =>
    events.push({
      organizationId: id(letter),
      type: "subscription.updated",
      occurredAt: at(month, day),
      toStatus: status,
      plan,
      seats,
      interval,
      unitAmount,
      complimentary: false,
    });
  const comp = (letter: Letter, month: number, day: number, type: string, endsAt?: Date) =>
    events.push({
      organizationId: id(letter),
      type,
      occurredAt: at(month, day),
      // A comp event says nothing about the paid subscription, whatever status it carries.
      toStatus: "ACTIVE",
      plan: "business",
      seats: 5,
      interval: null,
      unitAmount: 0,
      complimentary: true,
      ...(endsAt ? { data: { endsAt: endsAt.toISOString() } } : {}),
    });

  state("a", 0, 20, "ACTIVE", "pro", 2, "month", 1200);
  state("a", 2, 5, "ACTIVE", "business", 2, "month", 2400);
  state("b", 0, 20, "ACTIVE", "business", 3, "month", 2400);
  state("b", 3, 10, "ACTIVE", "pro", 3, "month", 1200);
  state("c", 0, 20, "ACTIVE", "pro", 5, "month", 1200);
  state("c", 2, 12, "ACTIVE", "pro", 7, "month", 1200);
  state("c", 4, 3, "ACTIVE", "pro", 4, "month", 1200);
  state("d", 1, 8, "ACTIVE", "business", 1, "year", 24000);
  state("d", 5, 20, "ACTIVE", "business", 2, "year", 24000);
  state("e", 1, 2, "TRIALING", "pro", 3, "month", 1200);
  state("e", 1, 16, "ACTIVE", "pro", 3, "month", 1200);
  state("e", 6, 10, "PAST_DUE", "pro", 3, "month", 1200);
  state("f", 2, 1, "TRIALING", "business", 2, "month", 2400);
  state("f", 2, 15, "CANCELED", "free", 2, "month", 2400);
  state("g", 0, 20, "ACTIVE", "pro", 1, null, null);
  state("g", 3, 20, "PAST_DUE", "pro", 1, null, null);
  state("g", 4, 5, "CANCELED", "free", 1, null, null);
  state("h", 0, 20, "ACTIVE", "pro", 2, "month", 1200);
  state("h", 1, 25, "CANCELED", "free", 2, "month", 1200);
  state("h", 5, 4, "ACTIVE", "pro", 2, "month", 1200);
  comp("i", 2, 10, "comp.granted", at(4, 10));
  state("j", 0, 20, "ACTIVE", "pro", 1, "month", 1200);
  comp("j", 3, 2, "comp.granted", at(9, 1));
  comp("j", 5, 15, "comp.ended");
  state("k", 0, 20, "ACTIVE", "business", 1, "month", 2400);
  state("k", 3, 5, "ACTIVE", "business", 3, "month", 2400);
  state("k", 3, 25, "ACTIVE", "business", 1, "month", 2400);
  state("k", 6, 12, "CANCELED", "free", 1, "month", 2400);
  state("l", 6, 3, "ACTIVE", "pro", 3, "year", 12000);
  for (const [type, amount] of [
    ["invoice.paid", 36000],
    ["charge.refunded", -36000],
  ] as const) {
    events.push({
      organizationId: id("l"),
      type,
      occurredAt: at(6, 4),
      toStatus: null,
      plan: null,
      seats: null,
      interval: null,
      unitAmount: null,
      complimentary: false,
      amount,
    });
  }
  state("m", 5, 20, "TRIALING", "pro", 2, "month", 1200);
  state("m", 6, 3, "ACTIVE", "pro", 2, "month", 1200);

  const letters: Letter[] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"];
  return {
    months,
    monthKeys: months.map(monthKey),
    organizationIds: letters.map(id),
    events,
    spend: months.map((month, i) => ({ month, amount: fixtureSpend[i] ?? null })),
    expected: expectedMonths,
  };
}

const none = { new: 0, reactivated: 0, churned: 0 };
const still = { new: 0, reactivation: 0, expansion: 0, contraction: 0, churned: 0 };

/**
 * M1..M6. At the start of M1: A 2400 + B 7200 + C 6000 + G 1200 + H 2400 + J 1200 + K 2400 = 22800
 * from 7 paying organizations.
 */
export const expectedMonths: readonly ExpectedMonth[] = [
  // M1: D +2000 and E +3600 are new; H -2400 churns. 22800 + 5600 - 2400 = 26000, 8 paying.
  {
    startMrr: 22800,
    mrr: 26000,
    arr: 312000,
    movements: { ...still, new: 5600, churned: 2400 },
    customers: { atStart: 7, paying: 8, new: 2, reactivated: 0, churned: 1 },
    trials: { ended: 1, converted: 1 },
    complimentary: 0,
    arpa: 3250, // 26000 / 8
    logoChurn: 0.1429, // 1 / 7
    grossRevenueChurn: 0.1053, // 2400 / 22800
    netRevenueChurn: 0.1053, // (2400 + 0 - 0) / 22800
    netRevenueRetention: 0.8947, // (22800 - 2400) / 22800
    trialConversion: 1,
    spend: 104000,
    ltv: 18200, // 3250 x 0.8 / (1/7) = 2600 x 7
    cac: 52000, // 104000 / 2
    cacPaybackMonths: 20, // 52000 / 2600
    ltvToCac: 0.35, // 18200 / 52000
  },
  // M2: A +2400 (Pro -> Business), C +2400 (5 -> 7 seats); F's trial ends unconverted; I comped.
  {
    startMrr: 26000,
    mrr: 30800,
    arr: 369600,
    movements: { ...still, expansion: 4800 },
    customers: { atStart: 8, paying: 8, ...none },
    trials: { ended: 1, converted: 0 },
    complimentary: 1,
    arpa: 3850, // 30800 / 8
    logoChurn: 0,
    grossRevenueChurn: 0,
    netRevenueChurn: -0.1846, // (0 + 0 - 4800) / 26000
    netRevenueRetention: 1.1846, // (26000 + 4800) / 26000
    trialConversion: 0, // 0 / 1
    spend: 50000,
    ltv: null, // no logo churn: unbounded
    cac: null, // no new customers
    cacPaybackMonths: null,
    ltvToCac: null,
  },
  // M3: B -3600 (Business -> Pro); K's 1 -> 3 -> 1 seats nets out; G past due still counts;
  // comps: I and J.
  {
    startMrr: 30800,
    mrr: 27200,
    arr: 326400,
    movements: { ...still, contraction: 3600 },
    customers: { atStart: 8, paying: 8, ...none },
    trials: { ended: 0, converted: 0 },
    complimentary: 2,
    arpa: 3400, // 27200 / 8
    logoChurn: 0,
    grossRevenueChurn: 0.1169, // 3600 / 30800
    netRevenueChurn: 0.1169,
    netRevenueRetention: 0.8831, // 27200 / 30800
    trialConversion: null,
    spend: null,
    ltv: null,
    cac: null,
    cacPaybackMonths: null,
    ltvToCac: null,
  },
  // M4: C -3600 (7 -> 4 seats), G -1200 canceled after past due; I's comp ended on day 10.
  {
    startMrr: 27200,
    mrr: 22400,
    arr: 268800,
    movements: { ...still, contraction: 3600, churned: 1200 },
    customers: { atStart: 8, paying: 7, new: 0, reactivated: 0, churned: 1 },
    trials: { ended: 0, converted: 0 },
    complimentary: 1,
    arpa: 3200, // 22400 / 7
    logoChurn: 0.125, // 1 / 8
    grossRevenueChurn: 0.1765, // 4800 / 27200
    netRevenueChurn: 0.1765,
    netRevenueRetention: 0.8235, // 22400 / 27200
    trialConversion: null,
    spend: 30000,
    ltv: 20480, // 3200 x 0.8 / 0.125
    cac: null,
    cacPaybackMonths: null,
    ltvToCac: null,
  },
  // M5: D +2000 (yearly, 1 -> 2 seats), H +2400 reactivates; J's comp ends; M starts a trial.
  {
    startMrr: 22400,
    mrr: 26800,
    arr: 321600,
    movements: { ...still, reactivation: 2400, expansion: 2000 },
    customers: { atStart: 7, paying: 8, new: 0, reactivated: 1, churned: 0 },
    trials: { ended: 0, converted: 0 },
    complimentary: 0,
    arpa: 3350, // 26800 / 8
    logoChurn: 0,
    grossRevenueChurn: 0,
    netRevenueChurn: -0.0893, // (0 + 0 - 2000) / 22400
    netRevenueRetention: 1.0893, // (22400 + 2000) / 22400
    trialConversion: null,
    spend: 20000,
    ltv: null,
    cac: null, // reactivations are not new customers
    cacPaybackMonths: null,
    ltvToCac: null,
  },
  // M6: L +3000 (yearly) and M +2400 (converted trial) are new; K -2400 churns; E past due counts.
  {
    startMrr: 26800,
    mrr: 29800,
    arr: 357600,
    movements: { ...still, new: 5400, churned: 2400 },
    customers: { atStart: 8, paying: 9, new: 2, reactivated: 0, churned: 1 },
    trials: { ended: 1, converted: 1 },
    complimentary: 0,
    arpa: 3311, // 29800 / 9 = 3311.11
    logoChurn: 0.125, // 1 / 8
    grossRevenueChurn: 0.0896, // 2400 / 26800
    netRevenueChurn: 0.0896,
    netRevenueRetention: 0.9104, // 24400 / 26800
    trialConversion: 1,
    spend: 90000,
    ltv: 21191, // 3311.11 x 0.8 / 0.125 = 2648.89 x 8 = 21191.11
    cac: 45000, // 90000 / 2
    cacPaybackMonths: 16.99, // 45000 / 2648.89 = 16.988
    ltvToCac: 0.47, // 21191.11 / 45000 = 0.4709
  },
];

type FixtureClient = {
  organization: {
    createMany: (args: {
      data: Prisma.OrganizationCreateManyInput[];
      skipDuplicates?: boolean;
    }) => Promise<unknown>;
  };
  billingEvent: {
    createMany: (args: { data: Prisma.BillingEventCreateManyInput[] }) => Promise<unknown>;
  };
  marketingSpend: {
    upsert: (args: Prisma.MarketingSpendUpsertArgs) => Promise<unknown>;
    deleteMany: (args: Prisma.MarketingSpendDeleteManyArgs) => Promise<unknown>;
  };
};

/**
 * Loads the fixture into a database through a client that bypasses row-level security
 * (tests/support/admin-db.ts). Organization ids and slugs start with the prefix. Marketing spend
 * is one row per month for the whole product: the fixture's months get its spend (M3: none).
 */
export async function seedMetricsFixture(client: FixtureClient, options: FixtureOptions) {
  const fixture = metricsFixture(options);
  await client.organization.createMany({
    data: fixture.organizationIds.map((orgId) => ({ id: orgId, slug: orgId, name: orgId })),
    skipDuplicates: true,
  });
  await client.billingEvent.createMany({
    data: fixture.events.map((event) => ({ ...event, data: event.data ?? {} })),
  });
  for (const { month, amount } of fixture.spend) {
    if (amount === null) {
      await client.marketingSpend.deleteMany({ where: { month } });
    } else {
      await client.marketingSpend.upsert({
        where: { month },
        create: { month, amount },
        update: { amount },
      });
    }
  }
  return fixture;
}
