import type { EventHandler, HandledEventType } from "../types";
import { checkoutSessionCompleted } from "./checkout-session-completed";
import { invoicePaid } from "./invoice-paid";
import { invoicePaymentActionRequired } from "./invoice-payment-action-required";
import { invoicePaymentFailed } from "./invoice-payment-failed";
import { subscriptionCreated } from "./subscription-created";
import { subscriptionDeleted } from "./subscription-deleted";
import { subscriptionUpdated } from "./subscription-updated";
import { trialWillEnd } from "./trial-will-end";

// The mapped type makes the compiler refuse a type without a handler, or one typed for another event.
export const eventHandlers: { [T in HandledEventType]: EventHandler<T> } = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": subscriptionCreated,
  "customer.subscription.updated": subscriptionUpdated,
  "customer.subscription.deleted": subscriptionDeleted,
  "customer.subscription.trial_will_end": trialWillEnd,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "invoice.payment_action_required": invoicePaymentActionRequired,
};
