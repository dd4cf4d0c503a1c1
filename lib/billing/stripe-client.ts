import "server-only";

import Stripe from "stripe";
import { ExpectedError, ProviderUnavailableError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { traceStripeCalls } from "@/lib/observability/stripe-spans";

/**
 * The Stripe SDK client, pointed at the real Stripe when STRIPE_SECRET_KEY is set and at
 * the local emulator that `npm run dev` starts otherwise (STRIPE_API_BASE). lib/env.ts
 * refuses the emulator in production, so a deployment can only talk to Stripe itself.
 */

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
  // Short timeouts and one retry: every call sits in a user's request, and the SDK's
  // idempotency keys make its retries safe.
  const common = { maxNetworkRetries: 1, timeout: 10_000, appInfo: { name: "Keel" } } as const;
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

/** The webhook signing secret; the emulator signs with the one `npm run dev` gives it. */
export function webhookSecret(): string | undefined {
  return env.STRIPE_WEBHOOK_SECRET;
}

/**
 * Stripe failures that are Stripe's (or the network's) and pass: unreachable, overloaded,
 * rate-limited. Anything else (an invalid request, a wrong key) is a bug or a
 * misconfiguration and is left to surface as an unexpected error, logged in full.
 */
const transientStripeErrors = new Set([
  "StripeConnectionError",
  "StripeAPIError",
  "StripeRateLimitError",
]);

/**
 * Runs a billing operation, turning Stripe's passing failures into a message the user
 * can act on (503, "nothing changed, try again") instead of a generic error. Keel's own
 * expected errors pass through untouched.
 */
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
