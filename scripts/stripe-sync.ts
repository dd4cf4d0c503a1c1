// Loaded first: it reads .env files into process.env before lib/env validates them.
import "./lib/load-env";
import { syncCatalog, syncMeteredPrices } from "@/lib/billing/stripe/catalog";
import { formatAmount } from "@/lib/billing/plans/plans";
import { billingEnabled, stripe } from "@/lib/billing/stripe/client";
import { syncSamplePromotionCode } from "@/lib/billing/stripe/sample-promotion";
import { env } from "@/lib/env";

/**
 * `npm run stripe:sync`: creates or updates the app's products and prices in the Stripe
 * account of STRIPE_SECRET_KEY (or in the local emulator given by STRIPE_API_BASE), then
 * prints the resulting configuration. Safe to run again: unchanged prices stay.
 */
if (!billingEnabled()) {
  console.error(
    "Set STRIPE_SECRET_KEY (a test key from the Stripe dashboard) to sync a Stripe account. In development, `npm run dev` syncs its local emulator by itself.",
  );
  process.exit(1);
}
const entries = await syncCatalog(stripe());
console.log(
  "plan      interval  lookup key              price id                        amount     result",
);
for (const e of entries) {
  console.log(
    [
      e.plan.padEnd(9),
      e.interval.padEnd(9),
      e.lookupKey.padEnd(23),
      e.priceId.padEnd(31),
      `${formatAmount(e.amount)}/seat`.padEnd(10),
      e.action,
    ].join(" "),
  );
}

const metered = await syncMeteredPrices(stripe());
console.log(
  "\nplan      meter event               lookup key              price id                        per 1,000  result",
);
for (const e of metered) {
  console.log(
    [
      e.plan.padEnd(9),
      e.eventName.padEnd(25),
      e.lookupKey.padEnd(23),
      e.priceId.padEnd(31),
      formatAmount(e.amount).padEnd(10),
      e.action,
    ].join(" "),
  );
}

// The emulator only: a real account's promotions are the business's to create.
if (env.stripeMode === "emulator") {
  const sample = await syncSamplePromotionCode(stripe());
  console.log(`\nsample promotion code ${sample.code} (20% off for 3 months): ${sample.action}`);
}
