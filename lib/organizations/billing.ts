import "server-only";

import { brand } from "@/brand.config";
import { ProviderUnavailableError } from "@/lib/errors";
import { stripe } from "@/lib/billing/stripe/client";
import { applyFromStripe, liveSubscriptionId } from "@/lib/billing/subscription/subscription";
import { logger } from "@/lib/observability/logger";

// Awaited before deletion: if Stripe cannot cancel, nothing is deleted and nothing keeps billing.
export async function cancelBillingForOrganization(organizationId: string): Promise<void> {
  const subscriptionId = await liveSubscriptionId(organizationId);
  if (!subscriptionId) return;
  let canceled;
  try {
    canceled = await stripe().subscriptions.cancel(subscriptionId, {
      cancellation_details: { comment: `Organization deleted in ${brand.name}` },
    });
  } catch (error) {
    logger.error({ err: error }, `[billing] could not cancel ${subscriptionId} before deletion`);
    throw new ProviderUnavailableError(
      "The subscription could not be canceled at Stripe, so nothing was deleted. Try again in a minute.",
    );
  }
  await applyFromStripe(organizationId, canceled);
}
