import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { syncCatalog, syncMeteredPrices } from "@/lib/billing/stripe/catalog";
import { syncSamplePromotionCode } from "@/lib/billing/stripe/sample-promotion";
import { startStripeEmulator, type StripeEmulator } from "../stripe-emulator/server";

export type DevStripe = {
  emulator: StripeEmulator;
  /** What the app needs in its environment to use it. */
  env: { STRIPE_API_BASE: string; STRIPE_WEBHOOK_SECRET: string };
};

/**
 * The local Stripe of `npm run dev`, the e2e suite and the integration tests: the
 * emulator on `port` (a free one if that is taken, or 0 for any), with the app's plans synced
 * into it as `npm run stripe:sync` would into a real account, plus the sample promotion code
 * WELCOME20. With `appPort` it delivers
 * signed webhooks to that app; without, it only records events.
 */
export async function startDevStripe(options: {
  appPort?: number;
  port: number;
  stateFile?: string;
  log?: (line: string) => void;
}): Promise<DevStripe> {
  const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const start = (port: number) =>
    startStripeEmulator({
      port,
      webhookSecret,
      ...(options.appPort
        ? { webhookUrl: `http://127.0.0.1:${options.appPort}/api/webhooks/stripe` }
        : {}),
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  const emulator = await start(options.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EADDRINUSE") throw error;
    return start(0);
  });
  const client = new Stripe("sk_test_emulator", {
    host: "127.0.0.1",
    port: emulator.port,
    protocol: "http",
  });
  await syncCatalog(client);
  await syncMeteredPrices(client);
  await syncSamplePromotionCode(client);
  return {
    emulator,
    env: { STRIPE_API_BASE: emulator.url, STRIPE_WEBHOOK_SECRET: webhookSecret },
  };
}
