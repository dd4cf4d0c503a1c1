import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { syncCatalog } from "../../lib/billing/catalog";
import { startStripeEmulator } from "../../scripts/stripe-emulator/server";

/**
 * Vitest global setup for the integration project: one local Stripe emulator for the
 * run, with Keel's catalog synced into it, so billing code runs against the same API
 * surface it uses in development. Workers inherit STRIPE_API_BASE and the webhook secret.
 * The emulator delivers no webhooks here: tests sign and post events to the route
 * themselves, to control their order, duplication and timing.
 */
export default async function setup() {
  const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const emulator = await startStripeEmulator({ port: 0, webhookSecret });
  const client = new Stripe("sk_test_emulator", {
    host: "127.0.0.1",
    port: emulator.port,
    protocol: "http",
  });
  await syncCatalog(client);
  process.env.STRIPE_API_BASE = emulator.url;
  process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
  delete process.env.STRIPE_SECRET_KEY;
  return async () => {
    await emulator.stop();
  };
}
