import { startDevStripe } from "../../scripts/lib/dev-stripe";

/**
 * Vitest global setup for the integration project: one local Stripe emulator for the
 * run, with Keel's catalog synced into it, so billing code runs against the same API
 * surface it uses in development. Workers inherit STRIPE_API_BASE and the webhook secret.
 * The emulator delivers no webhooks here: tests sign and post events to the route
 * themselves, to control their order, duplication and timing.
 */
export default async function setup() {
  const { emulator, env } = await startDevStripe({ port: 0 });
  Object.assign(process.env, env);
  delete process.env.STRIPE_SECRET_KEY;
  return async () => {
    await emulator.stop();
  };
}
