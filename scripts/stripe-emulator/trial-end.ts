/**
 * A trial ending without a payment, the two ways Stripe does it: the first invoice is attempted
 * and fails (`past_due`), or no payment method was ever added and the trial's
 * `missing_payment_method` behaviour cancels the subscription. (A paid end is `endTrial`.)
 */
import type Stripe from "stripe";
import type { EmulatorCore } from "./core";
import { NO_REQUEST } from "./core";
import { rollTrialOver, trialingSubscription, type Outcome } from "./billing";
import { previousAttributes } from "./events";
import { nowSeconds } from "./ids";

export function endTrialUnpaid(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  const { subscription, before, invoice } = rollTrialOver(core, id, {
    status: "past_due",
    invoice: "open",
  });
  const delivered = Promise.all([
    core.emit({ type: "invoice.payment_failed", object: invoice }, NO_REQUEST),
    core.emit(
      {
        type: "customer.subscription.updated",
        object: subscription,
        previous: previousAttributes(before, subscription),
      },
      NO_REQUEST,
    ),
  ]).then(() => {});
  return { result: subscription, delivered };
}

export function endTrialCanceled(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  const subscription = trialingSubscription(core, id);
  const now = nowSeconds();
  subscription.status = "canceled";
  subscription.trial_end = now;
  subscription.canceled_at = now;
  subscription.ended_at = now;
  subscription.cancel_at = null;
  subscription.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    // Nobody asked: the trial ran out with nothing to charge.
    reason: null,
  };
  core.save();
  const delivered = core.emit(
    { type: "customer.subscription.deleted", object: subscription },
    NO_REQUEST,
  );
  return { result: subscription, delivered };
}
