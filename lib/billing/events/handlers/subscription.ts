import type Stripe from "stripe";
import type { EventSubject } from "../types";
import { idOf } from "../types";

// Nothing left to do: the processor has already re-read the subscription and applied it.
export function subscriptionSubject(subscription: Stripe.Subscription): EventSubject {
  return {
    customerId: idOf(subscription.customer),
    subscriptionId: subscription.id,
    organizationId: null,
  };
}

export const nothingMore = async (): Promise<void> => {};
