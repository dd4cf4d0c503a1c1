import type Stripe from "stripe";
import type { EventSubject } from "../types";
import { idOf } from "../types";

/**
 * created, updated and deleted carry a subscription and nothing else to do: the
 * processor has already re-read it from Stripe and applied it to the organization's row
 * (subscription-state.ts keeps an ended subscription ended). The row's change is what
 * BillingEvent and the audit log record.
 */
export function subscriptionSubject(subscription: Stripe.Subscription): EventSubject {
  return {
    customerId: idOf(subscription.customer),
    subscriptionId: subscription.id,
    organizationId: null,
  };
}

export const nothingMore = async (): Promise<void> => {};
