import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { syncCatalog } from "@/lib/billing/catalog";
import { startStripeEmulator, type StripeEmulator } from "../stripe-emulator/server";

export type DevStripe = {
  emulator: StripeEmulator;
  /** What the app needs in its environment to use it. */
  env: { STRIPE_API_BASE: string; STRIPE_WEBHOOK_SECRET: string };
};

/**
 * The local Stripe of `npm run dev` and the e2e suite: the emulator on `port` (a free
 * one if that is taken), delivering signed webhooks to the app, with Keel's plans
 * synced into it as `npm run stripe:sync` would into a real account.
 */
export async function startDevStripe(options: {
  appPort: number;
  port: number;
  stateFile?: string;
  log: (line: string) => void;
}): Promise<DevStripe> {
  const webhookSecret = `whsec_${randomBytes(24).toString("hex")}`;
  const start = (port: number) =>
    startStripeEmulator({
      port,
      webhookSecret,
      webhookUrl: `http://127.0.0.1:${options.appPort}/api/webhooks/stripe`,
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
      log: options.log,
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
  return {
    emulator,
    env: { STRIPE_API_BASE: emulator.url, STRIPE_WEBHOOK_SECRET: webhookSecret },
  };
}
