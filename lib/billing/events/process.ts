import "server-only";

import type Stripe from "stripe";
import { withScope, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { applySubscriptionState, billingContacts } from "../subscription/apply";
import { stripe } from "../stripe/client";
import { stateOf } from "../subscription/state";
import { recordEventFailure, resolveEventFailure, type FailedEventSubject } from "./failures";
import { eventHandlers } from "./handlers";
import {
  handledEventTypes,
  type EventHandler,
  type EventOf,
  type EventSubject,
  type HandledEventType,
} from "./types";
import { logger } from "@/lib/observability/logger";
import { recordWebhookLag } from "@/lib/observability/metrics";

// Once: the id is inserted with its effects (ON CONFLICT DO NOTHING), so concurrent deliveries
// wait and all but one change nothing. Any order: the subscription is re-read from Stripe. The
// organization comes from the customer id via our own rows, never a browser.

export type ProcessOutcome =
  | { outcome: "applied"; organizationId: string; emails: string[] }
  | { outcome: "duplicate"; organizationId: string }
  | { outcome: "unknown_customer"; customerId: string | null }
  | { outcome: "ignored"; reason: string };

export type ProcessOptions = {
  /** "console": an operator's retry of a stored failure; its StripeEvent says "retried". */
  via?: "stripe" | "console";
  stripeRequest?: Stripe.RequestOptions;
};

export function isHandled(type: string): type is HandledEventType {
  return (handledEventTypes as readonly string[]).includes(type);
}

// Indexing the registry with a runtime type loses the mapped type's link, hence the cast.
function handlerFor(type: HandledEventType): EventHandler<HandledEventType> {
  return eventHandlers[type] as EventHandler<HandledEventType>;
}

async function organizationForCustomer(customerId: string): Promise<string | null> {
  const row = await withScope({ stripeCustomerId: customerId }, (tx) =>
    tx.subscription.findFirst({
      where: { stripeCustomerId: customerId },
      select: { organizationId: true },
    }),
  );
  return row?.organizationId ?? null;
}

async function resolveOrganization(subject: EventSubject): Promise<string | null> {
  if (!subject.customerId) return null;
  const byCustomer = await organizationForCustomer(subject.customerId);
  // Metadata may only confirm what the customer says, never point elsewhere.
  if (subject.organizationId && byCustomer && subject.organizationId !== byCustomer) return null;
  return byCustomer;
}

// The event's own copy only if Stripe no longer has it.
async function currentSubscription(
  id: string,
  carried: Stripe.Subscription | null,
  requestOptions: Stripe.RequestOptions | undefined,
): Promise<Stripe.Subscription | null> {
  try {
    return await stripe().subscriptions.retrieve(id, {}, requestOptions);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return carried;
    throw error;
  }
}

async function recordOnce(
  tx: ScopedDb,
  event: Stripe.Event,
  organizationId: string,
  via: ProcessOptions["via"],
): Promise<boolean> {
  const { count } = await tx.stripeEvent.createMany({
    data: [
      {
        id: event.id,
        type: event.type,
        createdAt: new Date(event.created * 1000),
        organizationId,
        outcome: via === "console" ? "retried" : "applied",
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function processStripeEvent(
  event: Stripe.Event,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  // An operator's retry of an old event is not delivery lag.
  if (options.via !== "console") recordWebhookLag(event.type, event.created);
  const known: FailedEventSubject = { customerId: null, organizationId: null };
  let result: ProcessOutcome;
  try {
    result = await apply(event, known, options);
  } catch (error) {
    await recordEventFailure(event, error, known);
    throw error;
  }
  if (result.outcome !== "ignored") await resolveEventFailure(event.id);
  return result;
}

async function apply(
  event: Stripe.Event,
  known: FailedEventSubject,
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  if (!isHandled(event.type)) {
    logger.info(`[stripe] ${event.id}: ${event.type} is not handled; acknowledged`);
    return { outcome: "ignored", reason: "unhandled type" };
  }
  const typed = event as EventOf<HandledEventType>;
  const handler = handlerFor(event.type);
  const subject = handler.subject(typed);
  known.customerId = subject.customerId;
  const organizationId = await resolveOrganization(subject);
  known.organizationId = organizationId;
  if (!organizationId) {
    logger.warn(
      `[stripe] ${event.id}: ${event.type} for unknown customer ${subject.customerId ?? "(none)"}; acknowledged`,
    );
    return { outcome: "unknown_customer", customerId: subject.customerId };
  }

  // Network first, outside the transaction: a slow Stripe must not hold a connection.
  const carried = event.type.startsWith("customer.subscription.")
    ? (event.data.object as Stripe.Subscription)
    : null;
  const subscription = subject.subscriptionId
    ? await currentSubscription(subject.subscriptionId, carried, options.stripeRequest)
    : null;

  const occurredAt = new Date(event.created * 1000);
  const emails = await withTenant(organizationId, async (tx) => {
    if (!(await recordOnce(tx, event, organizationId, options.via))) return null;
    if (subscription) {
      await applySubscriptionState(tx, organizationId, stateOf(subscription), {
        stripeEventId: event.id,
        occurredAt,
      });
    }
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true },
    });
    const queued: string[] = [];
    await handler.apply({
      tx,
      event: typed,
      organization,
      subscription,
      occurredAt,
      mailBillingContacts: async (send) => {
        for (const contact of await billingContacts(tx, organizationId)) {
          queued.push(await send(contact.email));
        }
      },
    });
    return queued;
  });
  if (emails === null) return { outcome: "duplicate", organizationId };
  return { outcome: "applied", organizationId, emails };
}
