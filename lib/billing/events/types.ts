import type Stripe from "stripe";
import type { ScopedDb } from "@/lib/db/tenant";

/** The Stripe events Keel acts on (a subscription app's set; see SECURITY_CHECKLIST 23). */
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

/** Who and what an event is about, read from the event before anything is trusted. */
export type EventSubject = {
  customerId: string | null;
  /** The subscription to re-read from Stripe, when the event concerns one. */
  subscriptionId: string | null;
  /** Our own metadata on a checkout session; only trusted when the customer agrees. */
  organizationId: string | null;
};

export type HandlerContext<T extends HandledEventType> = {
  tx: ScopedDb;
  event: EventOf<T>;
  organization: { id: string; name: string; slug: string };
  /** The subscription as Stripe has it now (re-read), or null when the event has none. */
  subscription: Stripe.Subscription | null;
  occurredAt: Date;
  /** Queues an email to everyone who manages billing; returns nothing (ids are collected). */
  mailBillingContacts: (send: (to: string) => Promise<string>) => Promise<void>;
};

/**
 * One file per event type under ./handlers: what the event is about, and what it does
 * once the event is known to be new and the subscription row is up to date. Runs inside
 * the organization's transaction, together with the event id's record.
 */
export type EventHandler<T extends HandledEventType> = {
  subject: (event: EventOf<T>) => EventSubject;
  apply: (ctx: HandlerContext<T>) => Promise<void>;
};

export { idOf } from "../subscription/state";
