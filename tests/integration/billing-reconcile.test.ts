import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as BillingRoute from "@/app/api/cron/billing/route";
import { adminDatabase } from "../support/admin-db";
import type * as BillingFixtures from "../support/billing-fixtures";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * The reconciliation cron route: a webhook that never arrived heals on the next run,
 * and the route is closed to anyone without the cron secret.
 */

const CRON_SECRET = "cron-secret-for-billing-tests-0123";
const admin = adminDatabase();
let route: typeof BillingRoute;
let fixtures: typeof BillingFixtures;

beforeAll(async () => {
  process.env.CRON_SECRET = CRON_SECRET;
  vi.resetModules();
  route = await import("@/app/api/cron/billing/route");
  fixtures = await import("../support/billing-fixtures");
});
afterAll(async () => {
  delete process.env.CRON_SECRET;
  await admin.$disconnect();
});

const call = (secret?: string) =>
  route.GET(
    new Request("http://localhost:3000/api/cron/billing", {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    }),
  );

describe("billing reconciliation", () => {
  it("refuses callers without the cron secret", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("not-the-secret-at-all")).status).toBe(401);
  });

  it("applies an upgrade whose webhooks were never delivered", async () => {
    const paid = await fixtures.paidOrganization(admin, "reconcile-missed");
    expect(
      (await admin.subscription.findUniqueOrThrow({ where: { organizationId: paid.org.id } }))
        .status,
    ).toBe("FREE");
    const response = await call(CRON_SECRET);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { eventsReplayed: number; failures: number };
    expect(body.eventsReplayed).toBeGreaterThan(0);
    expect(body.failures).toBe(0);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row).toMatchObject({ status: "TRIALING", plan: "pro" });
  });

  it("re-reads a subscription that changed at Stripe without telling us", async () => {
    const paid = await fixtures.paidOrganization(admin, "reconcile-stale");
    await call(CRON_SECRET);
    const { emulatorClient } = await import("../support/stripe-test");
    // A change whose event is then marked delivered by replaying it elsewhere: only the
    // stale-subscription sweep can notice it.
    await emulatorClient().subscriptions.update(paid.subscription.id, {
      cancel_at_period_end: true,
    });
    await call(CRON_SECRET);
    await admin.subscription.update({
      where: { organizationId: paid.org.id },
      data: {
        cancelAtPeriodEnd: false,
        stripeUpdatedAt: new Date(Date.now() - 7 * 60 * 60 * 1000),
      },
    });
    expect((await call(CRON_SECRET)).status).toBe(200);
    const row = await admin.subscription.findUniqueOrThrow({
      where: { organizationId: paid.org.id },
    });
    expect(row.cancelAtPeriodEnd).toBe(true);
  });
});
