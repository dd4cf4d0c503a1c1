import "server-only";

import type Stripe from "stripe";
import { inOrganization, withScope, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { applySubscriptionState, billingContacts } from "./apply";
import { readOnlyFrom } from "./entitlements";
import { formatAmount, planOf } from "./plans";
import { stripe } from "./stripe-client";
import { customerIdOf, stateOf } from "./subscription-state";

/**
 * What Keel does with each Stripe event. The route (app/api/webhooks/stripe) verifies the
 * signature; this module decides and applies.
 *
 * - Once: the event id goes into StripeEvent (ON CONFLICT DO NOTHING) in the same
 *   transaction as its effects. Concurrent deliveries of one event wait for each other
 *   on that row, and all but the first find it taken and change nothing.
 * - In any order: subscription and invoice events do not trust the object they carry;
 *   the subscription is re-read from Stripe, so whichever event comes last, the row
 *   ends up as Stripe has it now. A subscription that ended stays ended
 *   (subscription-state.ts), even if a stale "active" shows up afterwards.
 * - Which organization: the Stripe customer the event names, looked up in our own
 *   Subscription rows (we create one customer per organization); for a completed
 *   checkout, the organization id we wrote into its metadata, checked against that
 *   customer. Nothing from a browser is involved.
 * - Fast: emails are queued in the outbox, sent after the response.
 */

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

export type ProcessOutcome =
  | { outcome: "applied"; organizationId: string; emails: string[] }
  | { outcome: "duplicate"; organizationId: string }
  | { outcome: "unknown_customer"; customerId: string | null }
  | { outcome: "ignored"; reason: string };

const isHandled = (type: string): type is HandledEventType =>
  (handledEventTypes as readonly string[]).includes(type);

type Subject = {
  customerId: string | null;
  subscriptionId: string | null;
  /** From our own metadata on a checkout session; only trusted with a matching customer. */
  organizationId: string | null;
};

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function subjectOf(event: Stripe.Event): Subject {
  const object = event.data.object as unknown as Record<string, unknown>;
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      return {
        customerId: idOf(session.customer),
        subscriptionId: idOf(session.subscription),
        organizationId: session.metadata?.organizationId ?? session.client_reference_id ?? null,
      };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
    case "customer.subscription.trial_will_end": {
      const subscription = event.data.object;
      return {
        customerId: customerIdOf(subscription.customer),
        subscriptionId: subscription.id,
        organizationId: null,
      };
    }
    case "invoice.paid":
    case "invoice.payment_failed":
    case "invoice.payment_action_required": {
      const invoice = event.data.object;
      return {
        customerId: idOf(invoice.customer),
        subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
        organizationId: null,
      };
    }
    default:
      return {
        customerId: idOf(object.customer as string | null),
        subscriptionId: null,
        organizationId: null,
      };
  }
}

/** The organization whose Stripe customer this is, through our own Subscription rows. */
async function organizationForCustomer(customerId: string): Promise<string | null> {
  const row = await withScope({ stripeCustomerId: customerId }, (tx) =>
    tx.subscription.findFirst({
      where: { stripeCustomerId: customerId },
      select: { organizationId: true },
    }),
  );
  return row?.organizationId ?? null;
}

async function resolveOrganization(subject: Subject): Promise<string | null> {
  if (!subject.customerId) return null;
  const byCustomer = await organizationForCustomer(subject.customerId);
  // Metadata may only confirm what the customer says, never point elsewhere.
  if (subject.organizationId && byCustomer && subject.organizationId !== byCustomer) return null;
  return byCustomer;
}

/** The subscription as Stripe has it now; the event's copy if Stripe no longer knows it. */
async function currentSubscription(
  id: string,
  fallback: Stripe.Subscription | null,
): Promise<Stripe.Subscription | null> {
  try {
    return await stripe().subscriptions.retrieve(id);
  } catch (error) {
    const code = (error as { code?: string; statusCode?: number }).statusCode;
    if (code === 404) return fallback;
    throw error;
  }
}

async function recordOnce(tx: ScopedDb, event: Stripe.Event): Promise<boolean> {
  const { count } = await tx.stripeEvent.createMany({
    data: [{ id: event.id, type: event.type, createdAt: new Date(event.created * 1000) }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function processStripeEvent(event: Stripe.Event): Promise<ProcessOutcome> {
  if (!isHandled(event.type)) {
    console.info(`[stripe] ${event.id}: ${event.type} is not handled; acknowledged`);
    return { outcome: "ignored", reason: "unhandled type" };
  }
  const subject = subjectOf(event);
  if (event.type === "checkout.session.completed" && event.data.object.mode !== "subscription") {
    return { outcome: "ignored", reason: "not a subscription checkout" };
  }
  const organizationId = await resolveOrganization(subject);
  if (!organizationId) {
    console.warn(
      `[stripe] ${event.id}: ${event.type} for unknown customer ${subject.customerId ?? "(none)"}; acknowledged`,
    );
    return { outcome: "unknown_customer", customerId: subject.customerId };
  }

  // Network first, outside the transaction: a slow Stripe must not hold a connection.
  const carried = event.type.startsWith("customer.subscription.")
    ? (event.data.object as Stripe.Subscription)
    : null;
  const subscription = subject.subscriptionId
    ? await currentSubscription(subject.subscriptionId, carried)
    : null;

  const occurredAt = new Date(event.created * 1000);
  const result = await withTenant(organizationId, async (tx) => {
    if (!(await recordOnce(tx, event))) return null;
    if (subscription) {
      await applySubscriptionState(tx, organizationId, stateOf(subscription), {
        stripeEventId: event.id,
        occurredAt,
      });
    }
    return afterEffects(tx, organizationId, event, subscription);
  });
  if (result === null) return { outcome: "duplicate", organizationId };
  return { outcome: "applied", organizationId, emails: result };
}

/** Invoice history and emails; returns the outbox ids of the emails it queued. */
async function afterEffects(
  tx: ScopedDb,
  organizationId: string,
  event: Stripe.Event,
  subscription: Stripe.Subscription | null,
): Promise<string[]> {
  const occurredAt = new Date(event.created * 1000);
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, slug: true },
  });
  const billingUrl = organizationUrl(organization.slug, "/settings/billing");
  const emails: string[] = [];
  const mailOwners = async (send: (to: string) => Promise<string>) => {
    for (const contact of await billingContacts(tx, organizationId)) {
      emails.push(await send(contact.email));
    }
  };

  switch (event.type) {
    case "invoice.paid":
    case "invoice.payment_failed":
    case "invoice.payment_action_required": {
      const invoice = event.data.object;
      const amount = event.type === "invoice.paid" ? invoice.amount_paid : invoice.amount_due;
      await tx.billingEvent.create({
        data: {
          organizationId,
          type: event.type,
          stripeEventId: event.id,
          amount,
          currency: invoice.currency,
          data: { invoice: invoice.id ?? null, number: invoice.number ?? null },
          occurredAt,
        },
      });
      if (event.type === "invoice.payment_failed") {
        const row = await tx.subscription.findFirst({
          where: inOrganization(organizationId),
          select: { status: true, plan: true, pastDueSince: true },
        });
        await mailOwners((to) =>
          enqueueEmail(tx, {
            to,
            template: "paymentFailed",
            data: {
              organizationName: organization.name,
              amount: formatAmount(amount, invoice.currency),
              readOnlyFrom: row ? readOnlyFrom(row) : null,
              url: billingUrl,
            },
            dedupeKey: `${event.id}:${to}`,
          }),
        );
      }
      if (event.type === "invoice.payment_action_required" && invoice.hosted_invoice_url) {
        const hosted = invoice.hosted_invoice_url;
        await mailOwners((to) =>
          enqueueEmail(tx, {
            to,
            template: "paymentActionRequired",
            data: {
              organizationName: organization.name,
              amount: formatAmount(amount, invoice.currency),
              url: hosted,
            },
            dedupeKey: `${event.id}:${to}`,
          }),
        );
      }
      break;
    }
    case "customer.subscription.trial_will_end": {
      const trialEnd = subscription?.trial_end;
      if (subscription && subscription.status === "trialing" && trialEnd) {
        const plan = planOf(stateOf(subscription).plan);
        await mailOwners((to) =>
          enqueueEmail(tx, {
            to,
            template: "trialEnding",
            data: {
              organizationName: organization.name,
              planName: plan.name,
              trialEndsAt: new Date(trialEnd * 1000),
              url: billingUrl,
            },
            dedupeKey: `${event.id}:${to}`,
          }),
        );
      }
      break;
    }
    default:
      break;
  }
  return emails;
}
