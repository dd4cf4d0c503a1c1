import { describe, expect, it } from "vitest";
import { syncCatalog, syncMeteredPrices } from "@/lib/billing/stripe/catalog";
import { paidPlans, plans } from "@/lib/billing/plans/plans";
import { emulatorClient } from "../support/stripe-test";

/**
 * `npm run stripe:sync` against the emulator (already synced once by the test setup):
 * running it again changes nothing, and a changed amount moves the lookup key to a new
 * price and archives the old one.
 */
describe("stripe:sync", () => {
  it("is idempotent: a second run finds every price unchanged", async () => {
    const entries = await syncCatalog(emulatorClient());
    expect(entries).toHaveLength(paidPlans.length * 2);
    expect(entries.every((e) => e.action === "unchanged")).toBe(true);
    for (const entry of entries) {
      const [price] = (
        await emulatorClient().prices.list({ lookup_keys: [entry.lookupKey], limit: 1 })
      ).data;
      expect(price?.id).toBe(entry.priceId);
      expect(price?.unit_amount).toBe(plans[entry.plan].prices![entry.interval].amount);
    }
  });

  it("keeps one meter and one metered price per 1,000 calls per paid plan, unchanged on a rerun", async () => {
    const entries = await syncMeteredPrices(emulatorClient());
    expect(entries.map((e) => e.plan).sort()).toEqual(["business", "pro"]);
    expect(entries.every((e) => e.action === "unchanged")).toBe(true);
    const meters = (await emulatorClient().billing.meters.list({ status: "active" })).data;
    for (const entry of entries) {
      const usage = plans[entry.plan].apiUsage;
      const meter = meters.filter((m) => m.event_name === usage.meterEventName);
      expect(meter).toHaveLength(1);
      expect(meter[0]).toMatchObject({
        id: entry.meterId,
        default_aggregation: { formula: "sum" },
        customer_mapping: { event_payload_key: "stripe_customer_id", type: "by_id" },
      });
      const price = await emulatorClient().prices.retrieve(entry.priceId);
      expect(price).toMatchObject({
        lookup_key: usage.overageLookupKey,
        unit_amount: usage.overagePer1000,
        recurring: { interval: "month", usage_type: "metered", meter: entry.meterId },
        transform_quantity: { divide_by: 1000, round: "up" },
      });
    }
  });

  it("a new amount gets a new price under the same lookup key; the old one is archived", async () => {
    const pro = plans.pro.prices!;
    const before = (await syncCatalog(emulatorClient())).find(
      (e) => e.lookupKey === pro.month.lookupKey,
    )!;
    const original = pro.month.amount;
    pro.month.amount = original + 100;
    try {
      const changed = (await syncCatalog(emulatorClient())).find(
        (e) => e.lookupKey === pro.month.lookupKey,
      )!;
      expect(changed.action).toBe("replaced");
      expect(changed.priceId).not.toBe(before.priceId);
      expect((await emulatorClient().prices.retrieve(before.priceId)).active).toBe(false);
    } finally {
      pro.month.amount = original;
      // Back to the configured amount for the files that run after this one.
      await syncCatalog(emulatorClient());
    }
    const restored = (await emulatorClient().prices.list({ lookup_keys: [pro.month.lookupKey] }))
      .data[0];
    expect(restored?.unit_amount).toBe(original);
  });
});
