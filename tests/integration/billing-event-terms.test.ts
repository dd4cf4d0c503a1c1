import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { applySubscriptionState } from "@/lib/billing/subscription/apply";
import type { SubscriptionState } from "@/lib/billing/subscription/state";
import { adminDatabase } from "../support/admin-db";
import { organization } from "../support/tenant-request";

/** Each subscription change leaves a BillingEvent with the full revenue state, price terms included. */

const admin = adminDatabase();

afterAll(async () => {
  await admin.$disconnect();
  await db.$disconnect();
});

const state = (overrides: Partial<SubscriptionState>): SubscriptionState => ({
  stripeSubscriptionId: `sub_terms_${Date.now()}`,
  stripeCustomerId: `cus_terms_${Date.now()}`,
  status: "ACTIVE",
  plan: "business",
  stripePriceId: "price_business_yearly",
  seats: 4,
  trialEndsAt: null,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  interval: "year",
  unitAmount: 24000,
  ...overrides,
});

describe("billing events", () => {
  it("carry status, plan, seats, interval and unit amount, never as complimentary", async () => {
    const org = await organization(admin, "terms", { plan: "free", status: "FREE" });
    const first = state({});
    await withTenant(org.id, (tx) =>
      applySubscriptionState(tx, org.id, first, { occurredAt: new Date("2026-03-01T10:00:00Z") }),
    );
    await withTenant(org.id, (tx) =>
      applySubscriptionState(
        tx,
        org.id,
        {
          ...first,
          plan: "pro",
          stripePriceId: "price_pro_monthly",
          interval: "month",
          unitAmount: 1200,
        },
        { occurredAt: new Date("2026-04-01T10:00:00Z") },
      ),
    );
    const events = await admin.billingEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(
      events.map(({ toStatus, plan, seats, interval, unitAmount, complimentary }) => ({
        toStatus,
        plan,
        seats,
        interval,
        unitAmount,
        complimentary,
      })),
    ).toEqual([
      {
        toStatus: "ACTIVE",
        plan: "business",
        seats: 4,
        interval: "year",
        unitAmount: 24000,
        complimentary: false,
      },
      {
        toStatus: "ACTIVE",
        plan: "pro",
        seats: 4,
        interval: "month",
        unitAmount: 1200,
        complimentary: false,
      },
    ]);
    const subscription = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: org.id },
    });
    expect(subscription).toMatchObject({
      plan: "pro",
      seats: 4,
      stripePriceId: "price_pro_monthly",
    });
  });
});
