import { afterAll, describe, expect, it, vi } from "vitest";
import type Stripe from "stripe";
import { changePlanAction } from "@/lib/billing/actions";
import { runJobs } from "@/lib/jobs/run";
import { flushUsage } from "@/lib/usage/flush";
import { createMemoryUsageStore } from "@/lib/usage/memory-store";
import type { UsageStore } from "@/lib/usage/store";
import { adminDatabase } from "../support/admin-db";
import { deliverRecordedEvents, paidOrganization } from "../support/billing-fixtures";
import { emulatorClient, emulatorControl } from "../support/stripe-test";
import { callAs } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Usage-based billing end to end against the Stripe emulator: flushed calls beyond the plan's
 * included amount reach Stripe as meter events and appear on the renewal invoice, per started
 * 1,000 calls, at the price of the plan the calls were made on.
 */

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

const MINUTE = 60_000;
// The bucket after the current one: inside the subscription period that checkout just started.
const nextBucket = (offset = 1) => (Math.floor(Date.now() / MINUTE) + offset) * MINUTE;

function record(store: UsageStore, organizationId: string, calls: number, bucket: number) {
  for (let i = 0; i < calls; i++) store.increment(bucket, organizationId, "key_billing");
}

async function flushAndReport(store: UsageStore, organizationId: string, bucket: number) {
  await flushUsage({ store, now: new Date(bucket + 3 * MINUTE) });
  const jobs = await admin.outboxMessage.findMany({
    where: { kind: "usage-report", dedupeKey: { startsWith: `keel-usage:${organizationId}:` } },
    select: { id: true },
  });
  await runJobs({ ids: jobs.map((job) => job.id) });
  return jobs.map((job) => job.id);
}

async function renewalInvoice(subscriptionId: string): Promise<Stripe.Invoice> {
  await emulatorControl(subscriptionId, "renew");
  const invoices = await emulatorClient().invoices.list({ subscription: subscriptionId });
  const renewal = invoices.data.find((invoice) => invoice.billing_reason === "subscription_cycle");
  if (!renewal) throw new Error("no renewal invoice");
  return renewal;
}

describe("usage-based billing", () => {
  it("bills 12,345 calls on Pro as 3 overage units at renewal, once even when the report is retried", async () => {
    const paid = await paidOrganization(admin, "usage-pro");
    await deliverRecordedEvents(paid.customerId);
    const subscription = await emulatorClient().subscriptions.retrieve(paid.subscription.id);
    expect(subscription.items.data.map((item) => item.price.lookup_key).sort()).toEqual([
      "keel_business_api_calls",
      "keel_pro_api_calls",
      "keel_pro_monthly",
    ]);

    const store = createMemoryUsageStore();
    const bucket = nextBucket();
    record(store, paid.org.id, 12_345, bucket);
    const jobs = await flushAndReport(store, paid.org.id, bucket);
    expect(jobs).toHaveLength(1);

    // The report runs again (a worker died after Stripe answered): same identifier.
    await admin.outboxMessage.updateMany({
      where: { id: { in: jobs } },
      data: { status: "PENDING", availableAt: new Date(), attempts: 0 },
    });
    await runJobs({ ids: jobs });

    const preview = await emulatorClient().invoices.createPreview({
      subscription: paid.subscription.id,
    });
    const previewLine = preview.lines.data.find((line) => line.description?.includes("(usage)"));
    expect(previewLine).toMatchObject({ quantity: 3, amount: 300 });

    const invoice = await renewalInvoice(paid.subscription.id);
    const lines = invoice.lines.data.filter((line) => line.description?.includes("(usage)"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ quantity: 3, amount: 300 });
  });

  it("bills calls made before a downgrade at the old plan's price and later ones at the new", async () => {
    const paid = await paidOrganization(admin, "usage-down", { plan: "business" });
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);

    const store = createMemoryUsageStore();
    const onBusiness = nextBucket(1);
    record(store, paid.org.id, 100_500, onBusiness);
    await flushAndReport(store, paid.org.id, onBusiness);

    expect(await changePlanAction({ plan: "pro", interval: "month" })).toMatchObject({ ok: true });
    const onPro = nextBucket(2);
    record(store, paid.org.id, 1_000, onPro);
    await flushAndReport(store, paid.org.id, onPro);

    const invoice = await renewalInvoice(paid.subscription.id);
    const lines = invoice.lines.data
      .filter((line) => line.description?.includes("(usage)"))
      .map((line) => ({
        description: line.description,
        quantity: line.quantity,
        amount: line.amount,
      }));
    // 500 calls beyond Business's 100,000 at $0.50 per started 1,000; after the downgrade the
    // month's total is 1,000 further past Pro's 10,000: 1 unit at $1.
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ quantity: 1, amount: 50 }),
        expect.objectContaining({ quantity: 1, amount: 100 }),
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  it("drops the monthly API-call prices on a change to a yearly plan and adds them back on the way down", async () => {
    const paid = await paidOrganization(admin, "usage-yearly");
    await deliverRecordedEvents(paid.customerId);
    callAs(paid.owner.token, paid.org.slug);
    const lookupKeys = async () =>
      (await emulatorClient().subscriptions.retrieve(paid.subscription.id)).items.data
        .map((item) => item.price.lookup_key)
        .sort();

    expect(await changePlanAction({ plan: "business", interval: "year" })).toMatchObject({
      ok: true,
    });
    expect(await lookupKeys()).toEqual(["keel_business_yearly"]);

    expect(await changePlanAction({ plan: "pro", interval: "month" })).toMatchObject({ ok: true });
    expect(await lookupKeys()).toEqual([
      "keel_business_api_calls",
      "keel_pro_api_calls",
      "keel_pro_monthly",
    ]);
  });
});
