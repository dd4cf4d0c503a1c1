import { describe, expect, it } from "vitest";
import { syncCatalog } from "@/lib/billing/stripe/catalog";
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
