import type Stripe from "stripe";
import type { ScopedDb } from "@/lib/db/tenant";

// See SECURITY_CHECKLIST 23.
export const handledEventTypes = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.trial_will_end",
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.payment_action_required",
] as const;
export type HandledEventType = (typeof handledEventTypes)[number];

export type EventOf<T extends HandledEventType> = Extract<Stripe.Event, { type: T }>;

export type EventSubject = {
  customerId: string | null;
  subscriptionId: string | null;
  /** Our own checkout metadata; only trusted when the customer agrees. */
  organizationId: string | null;
};

export type HandlerContext<T extends HandledEventType> = {
  tx: ScopedDb;
  event: EventOf<T>;
  organization: { id: string; name: string; slug: string };
  subscription: Stripe.Subscription | null;
  occurredAt: Date;
  mailBillingContacts: (send: (to: string) => Promise<string>) => Promise<void>;
};

// Runs in the organization's transaction, with the event id's record, once the row is up to date.
export type EventHandler<T extends HandledEventType> = {
  subject: (event: EventOf<T>) => EventSubject;
  apply: (ctx: HandlerContext<T>) => Promise<void>;
};

export { idOf } from "../subscription/state";
