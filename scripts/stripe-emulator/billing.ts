/**
 * Subscription lifecycle: checkout completion, updates with proration, cancellation,
 * and the renewal outcomes that the test controls trigger. Each operation changes
 * state first and then emits its events, returning a promise for their delivery so
 * the caller decides whether to wait for the webhooks.
 */
import type Stripe from "stripe";
import { applyCustomerBalance } from "./balance";
import type { EmulatorCore } from "./core";
import { NO_REQUEST } from "./core";
import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { type EventOrigin, previousAttributes } from "./events";
import { formatDate, formatPrice } from "./format";
import { addInterval, DAY, newId, nowSeconds } from "./ids";
import {
  buildCustomer,
  buildInvoice,
  buildSubscription,
  buildSubscriptionItem,
  type LineInput,
  idOf,
  type Period,
  planFromPrice,
} from "./objects";
import {
  mergeMetadata,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalObjectArray,
  optionalString,
  type Params,
} from "./params";
import {
  discountsFromParams,
  discountSubscriptionInvoice,
  redeemCheckoutDiscounts,
  redeemDiscounts,
} from "./discounts";
import { isMetered, usageLines } from "./meters";
import { clone } from "./state";

export type Outcome<T> = { result: T; delivered: Promise<void> };

const PRORATION_BEHAVIORS = ["create_prorations", "none", "always_invoice"] as const;
type ProrationBehavior = (typeof PRORATION_BEHAVIORS)[number];

/**
 * Subscription items hold a copy of the price as it was when attached, so later price
 * edits (a new nickname, deactivation) do not rewrite existing subscriptions.
 */
function priceCopy(price: Stripe.Price): Stripe.Price {
  return {
    ...price,
    metadata: { ...price.metadata },
    recurring: price.recurring ? { ...price.recurring } : null,
  };
}

function productName(core: EmulatorCore, price: Stripe.Price): string {
  const id = idOf(price.product);
  return core.data.products[id]?.name ?? price.nickname ?? id;
}

function itemAmount(item: { price: Stripe.Price; quantity?: number }): number {
  return (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
}

export function nextPeriodEnd(price: Stripe.Price, start: number): number {
  return addInterval(
    start,
    price.recurring?.interval ?? "month",
    price.recurring?.interval_count ?? 1,
  );
}

/** Lines charging each item in full for a period, as on a creation or renewal invoice. */
export function fullLines(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  items: Stripe.SubscriptionItem[],
  period: Period,
  free: boolean,
): LineInput[] {
  // Metered items are billed in arrears from their meter (usageLines), not per period.
  return items
    .filter((item) => !isMetered(item.price))
    .map((item) => ({
      amount: free ? 0 : itemAmount(item),
      description: free
        ? `Trial period for ${productName(core, item.price)}`
        : `${item.quantity ?? 1} × ${productName(core, item.price)} (at ${formatPrice(item.price)})`,
      price: item.price,
      quantity: item.quantity ?? 1,
      period,
      proration: false,
      subscription: subscription.id,
      subscriptionItem: item.id,
    }));
}

/**
 * Day-based proration: each changed item is credited for the unused days of the current
 * period at its old price and quantity, and charged for them at the new ones.
 *
 * When the billing interval changes (monthly → yearly) Stripe restarts the billing cycle
 * instead: every old item is credited for its unused time and the new items are charged
 * in full for a new period starting now.
 */
function prorationLines(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  allBefore: Stripe.SubscriptionItem[],
  allAfter: Stripe.SubscriptionItem[],
  at: number,
  cycleReset: boolean,
): LineInput[] {
  const before = allBefore.filter((item) => !isMetered(item.price));
  const after = allAfter.filter((item) => !isMetered(item.price));
  const reference = before[0] ?? after[0];
  if (!reference) return [];
  const start = reference.current_period_start;
  const end = reference.current_period_end;
  const totalDays = Math.max(1, Math.round((end - start) / DAY));
  const remainingDays = Math.min(totalDays, Math.max(0, Math.ceil((end - at) / DAY)));
  const fraction = remainingDays / totalDays;
  const period = { start: at, end };
  const lines: LineInput[] = [];
  const same = (a: Stripe.SubscriptionItem, b: Stripe.SubscriptionItem) =>
    !cycleReset && a.price.id === b.price.id && (a.quantity ?? 1) === (b.quantity ?? 1);

  for (const old of before) {
    const current = after.find((item) => item.id === old.id);
    if (current && same(old, current)) continue;
    lines.push({
      amount: -Math.round(itemAmount(old) * fraction),
      description: `Unused time on ${old.quantity ?? 1} × ${productName(core, old.price)} after ${formatDate(at)}`,
      price: old.price,
      quantity: old.quantity ?? 1,
      period,
      proration: true,
      subscription: subscription.id,
      subscriptionItem: old.id,
    });
  }
  if (cycleReset) {
    const newPeriod = {
      start: after[0]?.current_period_start ?? at,
      end: after[0]?.current_period_end ?? at,
    };
    lines.push(...fullLines(core, subscription, after, newPeriod, false));
    return lines.filter((line) => line.amount !== 0);
  }
  for (const item of after) {
    const old = before.find((candidate) => candidate.id === item.id);
    if (old && same(old, item)) continue;
    lines.push({
      amount: Math.round(itemAmount(item) * fraction),
      description: `Remaining time on ${item.quantity ?? 1} × ${productName(core, item.price)} after ${formatDate(at)}`,
      price: item.price,
      quantity: item.quantity ?? 1,
      period,
      proration: true,
      subscription: subscription.id,
      subscriptionItem: item.id,
    });
  }
  return lines.filter((line) => line.amount !== 0);
}

function sameInterval(a: Stripe.Price, b: Stripe.Price): boolean {
  return (
    a.recurring?.interval === b.recurring?.interval &&
    a.recurring?.interval_count === b.recurring?.interval_count
  );
}

type ItemChanges = {
  items: Stripe.SubscriptionItem[];
  /** The billing interval changed, so the cycle restarts at `at` (outside a trial). */
  cycleReset: boolean;
};

/**
 * Applies `items[]` changes (`{id, price, quantity, deleted}`) to a copy of the item list.
 * `path` names the parameter in errors (`items` or `subscription_details[items]`).
 */
function applyItemChanges(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  changes: Params[],
  path: string,
  at: number,
): ItemChanges {
  const items = subscription.items.data.map((item) => ({ ...item }));
  const period = {
    start: items[0]?.current_period_start ?? nowSeconds(),
    end: items[0]?.current_period_end ?? nowSeconds(),
  };
  changes.forEach((change, index) => {
    const at = `${path}[${index}]`;
    const id = optionalString(change, "id", `${at}[id]`);
    const priceId = optionalString(change, "price", `${at}[price]`);
    const quantity = optionalInteger(change, "quantity", `${at}[quantity]`);
    const deleted = optionalBoolean(change, "deleted", `${at}[deleted]`);
    if (quantity !== undefined && quantity < 0) {
      throw invalidRequest(`Invalid ${at}[quantity]: must be at least 0`, `${at}[quantity]`);
    }
    const price = priceId ? core.price(priceId, `${at}[price]`) : undefined;
    if (price && !price.recurring) {
      throw invalidRequest(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        `${at}[price]`,
      );
    }
    if (price && price.currency !== subscription.currency) {
      throw invalidRequest(
        `The price specified (${price.id}) has currency ${price.currency}, but the subscription is in ${subscription.currency}.`,
        `${at}[price]`,
      );
    }
    if (id) {
      const position = items.findIndex((item) => item.id === id);
      if (position < 0) throw resourceMissing("subscription_item", id, `${at}[id]`);
      if (deleted) {
        items.splice(position, 1);
        return;
      }
      const item = items[position]!;
      if (price) {
        item.price = priceCopy(price);
        item.plan = planFromPrice(price);
      }
      if (quantity !== undefined) item.quantity = quantity;
      return;
    }
    if (!price) throw missingParam(`${at}[price]`);
    if (isMetered(price) && quantity !== undefined) {
      throw invalidRequest(
        "Quantity should not be specified where usage_type is `metered`.",
        `${at}[quantity]`,
      );
    }
    const initial = isMetered(price) ? 0 : (quantity ?? 1);
    items.push(buildSubscriptionItem(subscription.id, priceCopy(price), initial, period));
  });
  if (items.length === 0) {
    throw invalidRequest("A subscription must have at least one item.", path);
  }
  const previous = subscription.items.data.find((item) => !isMetered(item.price))?.price;
  const cycleReset =
    previous !== undefined &&
    subscription.status !== "trialing" &&
    items.some((item) => !isMetered(item.price) && !sameInterval(item.price, previous));
  if (!cycleReset) return { items, cycleReset };
  return {
    items: items.map((item) => ({
      ...item,
      current_period_start: at,
      current_period_end: nextPeriodEnd(item.price, at),
    })),
    cycleReset,
  };
}

function prorationBehavior(params: Params, key: string, path: string): ProrationBehavior {
  const value = optionalString(params, key, path) ?? "create_prorations";
  const known = PRORATION_BEHAVIORS.find((behavior) => behavior === value);
  if (!known) {
    throw invalidRequest(`Invalid ${path}: must be one of ${PRORATION_BEHAVIORS.join(", ")}`, path);
  }
  return known;
}

function periodOf(items: Stripe.SubscriptionItem[], fallback: number): Period {
  return {
    start: items[0]?.current_period_start ?? fallback,
    end: items[0]?.current_period_end ?? fallback,
  };
}

export function setItems(
  subscription: Stripe.Subscription,
  items: Stripe.SubscriptionItem[],
): void {
  subscription.items = { ...subscription.items, data: items };
}

export function newInvoiceFor(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  lines: LineInput[],
  options: {
    status: "open" | "paid";
    billingReason: Stripe.Invoice.BillingReason;
    period: Period;
    attemptCount: number;
  },
): Stripe.Invoice {
  const customer = core.customer(idOf(subscription.customer));
  const invoice = buildInvoice({
    customer,
    subscription,
    lines,
    status: options.status,
    billingReason: options.billingReason,
    period: options.period,
    number: core.nextInvoiceNumber(customer),
    publicUrl: core.config.publicUrl,
    attemptCount: options.attemptCount,
  });
  // As Stripe does: discounts lower the total first, then the customer's balance pays what it can.
  discountSubscriptionInvoice(core, subscription, invoice);
  applyCustomerBalance(core, invoice);
  core.data.invoices[invoice.id] = invoice;
  subscription.latest_invoice = invoice.id;
  return invoice;
}

/** The subscription, which must still be in its trial (the trial controls act on nothing else). */
export function trialingSubscription(core: EmulatorCore, id: string): Stripe.Subscription {
  const subscription = core.subscription(id);
  if (subscription.status !== "trialing") {
    throw invalidRequest(`Subscription ${id} is ${subscription.status}, not trialing.`);
  }
  return subscription;
}

function requireLive(subscription: Stripe.Subscription): void {
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    throw invalidRequest(
      `A canceled subscription can only update its cancellation_details and metadata.`,
    );
  }
}

/**
 * Paying a checkout session: creates the customer if the session had none, the
 * subscription and its first (paid) invoice, then emits checkout.session.completed,
 * customer.subscription.created and invoice.paid in that order. Paying a completed
 * session again changes nothing and emits nothing.
 */
export function completeCheckout(core: EmulatorCore, id: string): Outcome<Stripe.Checkout.Session> {
  const record = core.checkout(id);
  const session = record.session;
  if (session.status === "complete") return { result: session, delivered: Promise.resolve() };
  if (session.status !== "open")
    throw invalidRequest(`This Checkout Session is ${session.status}.`);

  const lineItems = record.lineItems.map((line) => ({
    price: core.price(line.price),
    quantity: line.quantity,
  }));
  const customer = session.customer
    ? core.customer(idOf(session.customer))
    : buildCustomer({
        email: session.customer_email,
        name: null,
        description: null,
        metadata: {},
      });
  core.data.customers[customer.id] = customer;

  const now = nowSeconds();
  const trialEnd = record.trialPeriodDays ? now + record.trialPeriodDays * DAY : null;
  const first = lineItems[0]!.price;
  const period = { start: now, end: trialEnd ?? nextPeriodEnd(first, now) };
  const subscriptionId = newId("sub");
  const items = lineItems.map((line) =>
    buildSubscriptionItem(subscriptionId, priceCopy(line.price), line.quantity, period),
  );
  const subscription = buildSubscription({
    id: subscriptionId,
    customer: customer.id,
    items,
    status: trialEnd ? "trialing" : "active",
    metadata: { ...record.subscriptionMetadata },
    trialStart: trialEnd ? now : null,
    trialEnd,
    latestInvoice: null,
    created: now,
  });
  core.data.subscriptions[subscription.id] = subscription;
  redeemCheckoutDiscounts(core, record.discounts, subscription, now);
  const invoice = newInvoiceFor(
    core,
    subscription,
    fullLines(core, subscription, items, period, trialEnd !== null),
    {
      status: "paid",
      billingReason: "subscription_create",
      period: { start: now, end: now },
      attemptCount: trialEnd ? 0 : 1,
    },
  );

  session.status = "complete";
  session.payment_status = trialEnd ? "no_payment_required" : "paid";
  session.customer = customer.id;
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  session.amount_total = invoice.total;
  session.amount_subtotal = invoice.subtotal;
  core.save();

  const delivered = Promise.all([
    core.emit({ type: "checkout.session.completed", object: session }, NO_REQUEST),
    core.emit({ type: "customer.subscription.created", object: subscription }, NO_REQUEST),
    core.emit({ type: "invoice.paid", object: invoice }, NO_REQUEST),
  ]).then(() => {});
  return { result: session, delivered };
}

/** POST /v1/subscriptions/:id — items, proration_behavior, cancel_at_period_end, metadata. */
export function updateSubscription(
  core: EmulatorCore,
  id: string,
  params: Params,
  origin: EventOrigin,
): Outcome<Stripe.Subscription> {
  const subscription = core.subscription(id);
  const before = clone(subscription);
  const changes = optionalObjectArray(params, "items");
  const behavior = prorationBehavior(params, "proration_behavior", "proration_behavior");
  const cancelAtPeriodEnd = optionalBoolean(params, "cancel_at_period_end");
  const now = nowSeconds();
  const discounts = discountsFromParams(core, params, now, {
    customer: idOf(subscription.customer),
    subscription: subscription.id,
  });
  const onlyMetadata =
    changes === undefined && cancelAtPeriodEnd === undefined && discounts === undefined;
  if (!onlyMetadata) requireLive(subscription);
  // Before any invoice of this update, which the new discounts then apply to.
  if (discounts) subscription.discounts = redeemDiscounts(core, discounts);

  let prorationInvoice: Stripe.Invoice | undefined;
  if (changes) {
    const { items, cycleReset } = applyItemChanges(core, subscription, changes, "items", now);
    // Prorations are billed at once with always_invoice, and always when the cycle
    // restarts; with create_prorations Stripe would hold them for the next invoice,
    // which the emulator does not model.
    const billNow =
      subscription.status !== "trialing" && (cycleReset || behavior === "always_invoice");
    const lines = !billNow
      ? []
      : behavior === "none"
        ? cycleReset
          ? fullLines(core, subscription, items, periodOf(items, now), false)
          : []
        : prorationLines(core, subscription, subscription.items.data, items, now, cycleReset);
    setItems(subscription, items);
    if (cycleReset) subscription.billing_cycle_anchor = now;
    if (lines.length > 0) {
      prorationInvoice = newInvoiceFor(core, subscription, lines, {
        status: "paid",
        billingReason: "subscription_update",
        period: { start: now, end: now },
        attemptCount: 1,
      });
    }
  }
  if (cancelAtPeriodEnd !== undefined) {
    subscription.cancel_at_period_end = cancelAtPeriodEnd;
    subscription.cancel_at = cancelAtPeriodEnd
      ? (subscription.items.data[0]?.current_period_end ?? null)
      : null;
    subscription.canceled_at = cancelAtPeriodEnd ? now : null;
    subscription.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: cancelAtPeriodEnd ? "cancellation_requested" : null,
    };
  }
  subscription.metadata = mergeMetadata(subscription.metadata, params);
  core.save();

  const previous = previousAttributes(before, subscription);
  const deliveries: Promise<void>[] = [];
  if (Object.keys(previous).length > 0) {
    deliveries.push(
      core.emit({ type: "customer.subscription.updated", object: subscription, previous }, origin),
    );
  }
  if (prorationInvoice) {
    deliveries.push(core.emit({ type: "invoice.paid", object: prorationInvoice }, origin));
  }
  return { result: subscription, delivered: Promise.all(deliveries).then(() => {}) };
}

/** DELETE /v1/subscriptions/:id — ends the subscription now. */
export function cancelSubscription(
  core: EmulatorCore,
  id: string,
  origin: EventOrigin,
): Outcome<Stripe.Subscription> {
  const subscription = core.subscription(id);
  if (subscription.status === "canceled") {
    throw invalidRequest(`The subscription ${id} has already been canceled.`);
  }
  const now = nowSeconds();
  subscription.status = "canceled";
  subscription.canceled_at = now;
  subscription.ended_at = now;
  subscription.cancel_at = null;
  subscription.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: "cancellation_requested",
  };
  core.save();
  const delivered = core.emit(
    { type: "customer.subscription.deleted", object: subscription },
    origin,
  );
  return { result: subscription, delivered };
}

/**
 * A renewal: the period advances and one invoice charges the new period plus the usage of the
 * one that ended. Paid, or (`failed`) open with one failed attempt, the subscription past_due.
 */
function renewSubscription(
  core: EmulatorCore,
  id: string,
  failed: boolean,
): Outcome<Stripe.Subscription> {
  const subscription = core.subscription(id);
  requireLive(subscription);
  const before = clone(subscription);
  const previousPeriod = {
    start: subscription.items.data[0]?.current_period_start ?? nowSeconds(),
    end: subscription.items.data[0]?.current_period_end ?? nowSeconds(),
  };
  const usage = usageLines(core, subscription, previousPeriod);
  const items = subscription.items.data.map((item) => {
    const start = item.current_period_end;
    return {
      ...item,
      current_period_start: start,
      current_period_end: nextPeriodEnd(item.price, start),
    };
  });
  setItems(subscription, items);
  const period = { start: items[0]!.current_period_start, end: items[0]!.current_period_end };
  const invoice = newInvoiceFor(
    core,
    subscription,
    [...fullLines(core, subscription, items, period, false), ...usage],
    {
      status: failed ? "open" : "paid",
      billingReason: "subscription_cycle",
      period: previousPeriod,
      attemptCount: 1,
    },
  );
  if (failed) subscription.status = "past_due";
  core.save();
  const delivered = Promise.all([
    core.emit(
      { type: failed ? "invoice.payment_failed" : "invoice.paid", object: invoice },
      NO_REQUEST,
    ),
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

export function failRenewal(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  return renewSubscription(core, id, true);
}

export function renew(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  return renewSubscription(core, id, false);
}

function openInvoice(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
): Stripe.Invoice | undefined {
  const latest = subscription.latest_invoice;
  const latestId = typeof latest === "string" ? latest : latest?.id;
  const candidate = latestId ? core.data.invoices[latestId] : undefined;
  if (candidate?.status === "open") return candidate;
  return Object.values(core.data.invoices)
    .reverse()
    .find(
      (invoice) =>
        invoice.status === "open" &&
        invoice.parent?.subscription_details?.subscription === subscription.id,
    );
}

/** The customer fixed their card: the open invoice is paid and the subscription is active again. */
export function payOpenInvoice(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  const subscription = core.subscription(id);
  const invoice = openInvoice(core, subscription);
  if (!invoice) throw invalidRequest(`Subscription ${id} has no open invoice to pay.`);
  const invoiceBefore = clone(invoice);
  const before = clone(subscription);
  const now = nowSeconds();
  invoice.status = "paid";
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempt_count += 1;
  invoice.attempted = true;
  invoice.auto_advance = false;
  invoice.next_payment_attempt = null;
  invoice.status_transitions = { ...invoice.status_transitions, paid_at: now };
  if (subscription.status === "past_due" || subscription.status === "unpaid") {
    subscription.status = "active";
  }
  core.save();
  const deliveries = [
    core.emit(
      {
        type: "invoice.paid",
        object: invoice,
        previous: previousAttributes(invoiceBefore, invoice),
      },
      NO_REQUEST,
    ),
  ];
  const previous = previousAttributes(before, subscription);
  if (Object.keys(previous).length > 0) {
    deliveries.push(
      core.emit(
        { type: "customer.subscription.updated", object: subscription, previous },
        NO_REQUEST,
      ),
    );
  }
  return { result: subscription, delivered: Promise.all(deliveries).then(() => {}) };
}

/** Stripe's three-days-before-trial-end reminder, on demand. */
export function trialWillEnd(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  const subscription = trialingSubscription(core, id);
  const delivered = core.emit(
    { type: "customer.subscription.trial_will_end", object: subscription },
    NO_REQUEST,
  );
  return { result: subscription, delivered };
}

/**
 * A trialing subscription's trial ends now: a new period starts, billed in full on the first
 * invoice, `paid` (the subscription goes active) or `open` after a failed attempt (past due).
 * Returns the subscription as it was, for the update event's previous attributes.
 */
export function rollTrialOver(
  core: EmulatorCore,
  id: string,
  outcome: { status: "active" | "past_due"; invoice: "paid" | "open" },
): { subscription: Stripe.Subscription; before: Stripe.Subscription; invoice: Stripe.Invoice } {
  const subscription = trialingSubscription(core, id);
  const before = clone(subscription);
  const now = nowSeconds();
  const items = subscription.items.data.map((item) => ({
    ...item,
    current_period_start: now,
    current_period_end: nextPeriodEnd(item.price, now),
  }));
  setItems(subscription, items);
  subscription.trial_end = now;
  subscription.billing_cycle_anchor = now;
  subscription.status = outcome.status;
  const period = { start: now, end: items[0]!.current_period_end };
  const invoice = newInvoiceFor(
    core,
    subscription,
    fullLines(core, subscription, items, period, false),
    {
      status: outcome.invoice,
      billingReason: "subscription_cycle",
      period: { start: subscription.trial_start ?? now, end: now },
      attemptCount: 1,
    },
  );
  core.save();
  return { subscription, before, invoice };
}

/** The trial ends now: a new period starts, billed in full on a paid invoice. */
export function endTrial(core: EmulatorCore, id: string): Outcome<Stripe.Subscription> {
  const { subscription, before, invoice } = rollTrialOver(core, id, {
    status: "active",
    invoice: "paid",
  });
  const delivered = Promise.all([
    core.emit(
      {
        type: "customer.subscription.updated",
        object: subscription,
        previous: previousAttributes(before, subscription),
      },
      NO_REQUEST,
    ),
    core.emit({ type: "invoice.paid", object: invoice }, NO_REQUEST),
  ]).then(() => {});
  return { result: subscription, delivered };
}

/**
 * POST /v1/invoices/create_preview: what the next invoice would be after the proposed
 * `subscription_details` change. With `always_invoice` that is the proration alone (it
 * would be billed immediately); with `create_prorations` the prorations are added to
 * the next period's charges; with `none` only the next period is charged.
 */
export function previewInvoice(core: EmulatorCore, params: Params): Stripe.Invoice {
  const details = optionalObject(params, "subscription_details") ?? {};
  const changes = optionalObjectArray(details, "items", "subscription_details[items]") ?? [];
  const behavior = prorationBehavior(
    details,
    "proration_behavior",
    "subscription_details[proration_behavior]",
  );
  const at =
    optionalInteger(details, "proration_date", "subscription_details[proration_date]") ??
    nowSeconds();
  const subscriptionId = optionalString(params, "subscription");
  const customerId = optionalString(params, "customer");
  if (!subscriptionId && !customerId) throw missingParam("customer");

  if (!subscriptionId) {
    // A preview for a subscription that does not exist yet: one full first period.
    const customer = core.customer(customerId!);
    const draft = draftSubscription(core, customer.id, changes);
    const items = draft.items.data;
    const period = { start: at, end: nextPeriodEnd(items[0]!.price, at) };
    const lines = fullLines(core, draft, items, period, false);
    return previewFrom(core, customer, null, lines, period);
  }

  const subscription = core.subscription(subscriptionId);
  if (customerId && customerId !== idOf(subscription.customer)) {
    throw invalidRequest(
      `The subscription ${subscriptionId} does not belong to customer ${customerId}.`,
      "customer",
    );
  }
  requireLive(subscription);
  const customer = core.customer(idOf(subscription.customer));
  const { items, cycleReset } = applyItemChanges(
    core,
    subscription,
    changes,
    "subscription_details[items]",
    at,
  );
  const prorations =
    behavior === "none" || subscription.status === "trialing"
      ? []
      : prorationLines(core, subscription, subscription.items.data, items, at, cycleReset);
  if (cycleReset) {
    // A new cycle is billed immediately, whatever the proration behaviour.
    const lines =
      behavior === "none"
        ? fullLines(core, subscription, items, periodOf(items, at), false)
        : prorations;
    return previewFrom(core, customer, subscription, lines, { start: at, end: at });
  }
  if (behavior === "always_invoice") {
    return previewFrom(core, customer, subscription, prorations, { start: at, end: at });
  }
  const cancelAtPeriodEnd =
    optionalBoolean(
      details,
      "cancel_at_period_end",
      "subscription_details[cancel_at_period_end]",
    ) ?? subscription.cancel_at_period_end;
  const periodStart = items[0]!.current_period_end;
  const nextPeriod = { start: periodStart, end: nextPeriodEnd(items[0]!.price, periodStart) };
  const upcoming = cancelAtPeriodEnd ? [] : fullLines(core, subscription, items, nextPeriod, false);
  const usage = usageLines(core, subscription, {
    start: items[0]!.current_period_start,
    end: periodStart,
  });
  return previewFrom(core, customer, subscription, [...prorations, ...upcoming, ...usage], {
    start: items[0]!.current_period_start,
    end: periodStart,
  });
}

function draftSubscription(
  core: EmulatorCore,
  customer: string,
  changes: Params[],
): Stripe.Subscription {
  if (changes.length === 0) throw missingParam("subscription_details[items]");
  const id = newId("sub");
  const now = nowSeconds();
  const items = changes.map((change, index) => {
    const path = `subscription_details[items][${index}]`;
    const priceId = optionalString(change, "price", `${path}[price]`);
    if (!priceId) throw missingParam(`${path}[price]`);
    const price = core.price(priceId, `${path}[price]`);
    const quantity = optionalInteger(change, "quantity", `${path}[quantity]`) ?? 1;
    return buildSubscriptionItem(id, priceCopy(price), quantity, {
      start: now,
      end: nextPeriodEnd(price, now),
    });
  });
  return buildSubscription({
    id,
    customer,
    items,
    status: "incomplete",
    metadata: {},
    trialStart: null,
    trialEnd: null,
    latestInvoice: null,
    created: now,
  });
}

export function previewFrom(
  core: EmulatorCore,
  customer: Stripe.Customer,
  subscription: Stripe.Subscription | null,
  lines: LineInput[],
  period: Period,
): Stripe.Invoice {
  return buildInvoice({
    id: newId("upcoming_in"),
    customer,
    subscription,
    lines,
    status: "draft",
    billingReason: "upcoming",
    period,
    number: null,
    publicUrl: core.config.publicUrl,
    attemptCount: 0,
  });
}
