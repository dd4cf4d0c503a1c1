import type { EventHandler } from "../types";
import { idOf } from "../types";

// The metadata's organization id only confirms what the customer id says; it never points elsewhere.
export const checkoutSessionCompleted: EventHandler<"checkout.session.completed"> = {
  subject: (event) => {
    const session = event.data.object;
    return {
      customerId: idOf(session.customer),
      // Payment-mode sessions have no subscription and change nothing here.
      subscriptionId: session.mode === "subscription" ? idOf(session.subscription) : null,
      organizationId: session.metadata?.organizationId ?? session.client_reference_id ?? null,
    };
  },
  apply: async () => {},
};
