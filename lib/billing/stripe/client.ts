import "server-only";

import Stripe from "stripe";
import { brand } from "@/brand.config";
import { ExpectedError, ProviderUnavailableError } from "@/lib/errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { traceStripeCalls } from "@/lib/observability/stripe-spans";

// lib/env refuses the local emulator in production, so a deployment only talks to Stripe itself.

let client: Stripe | undefined;

export class BillingUnavailableError extends ExpectedError {
  constructor() {
    super("Billing is not set up on this server yet.", 400);
    this.name = "BillingUnavailableError";
  }
}

export function billingEnabled(): boolean {
  return env.stripeMode !== "off";
}

export function stripe(): Stripe {
  if (client) return client;
  // Short: every call sits in a user's request; the SDK's idempotency keys make its retry safe.
  const common = { maxNetworkRetries: 1, timeout: 10_000, appInfo: { name: brand.name } } as const;
  if (env.STRIPE_SECRET_KEY) {
    client = new Stripe(env.STRIPE_SECRET_KEY, common);
  } else if (env.STRIPE_API_BASE) {
    const base = new URL(env.STRIPE_API_BASE);
    client = new Stripe("sk_test_emulator", {
      ...common,
      host: base.hostname,
      port: Number(base.port || 80),
      protocol: base.protocol === "https:" ? "https" : "http",
    });
  } else {
    throw new BillingUnavailableError();
  }
  traceStripeCalls(client);
  return client;
}

export function webhookSecret(): string | undefined {
  return env.STRIPE_WEBHOOK_SECRET;
}

// Passing failures only; anything else is a bug or misconfiguration and surfaces, logged in full.
const transientStripeErrors = new Set([
  "StripeConnectionError",
  "StripeAPIError",
  "StripeRateLimitError",
]);

export async function withStripe<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && transientStripeErrors.has(error.type)) {
      logger.error({ err: error.message }, `[billing] ${operation}: Stripe answered ${error.type}`);
      throw new ProviderUnavailableError(
        "Stripe could not complete this right now. Nothing was changed; try again in a minute.",
      );
    }
    throw error;
  }
}
