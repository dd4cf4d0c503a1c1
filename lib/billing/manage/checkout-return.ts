import "server-only";
import { logger } from "@/lib/observability/logger";

import { billingEnabled, stripe } from "../stripe/client";
import { idOf } from "../subscription/state";
import { applyFromStripe, localSubscription } from "../subscription/subscription";

// Applied at once so the page shows the new plan before the webhook arrives. Only a session
// created for this organization (our metadata, our customer) counts.
export async function applyReturningCheckout(
  organizationId: string,
  sessionId: string,
): Promise<void> {
  if (!billingEnabled() || !/^cs_[A-Za-z0-9_]+$/.test(sessionId)) return;
  try {
    const session = await stripe().checkout.sessions.retrieve(sessionId, {
      expand: ["subscription"],
    });
    const row = await localSubscription(organizationId);
    const customer = idOf(session.customer);
    if (session.metadata?.organizationId !== organizationId || customer !== row?.stripeCustomerId)
      return;
    const subscription = session.subscription;
    if (subscription && typeof subscription !== "string")
      await applyFromStripe(organizationId, subscription);
  } catch (error) {
    // The webhook brings the same state; the page just shows it a moment later.
    logger.error({ err: error }, "[billing] could not read the returning checkout session");
  }
}
