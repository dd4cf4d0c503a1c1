/**
 * Builders for Stripe-shaped objects. Each returns the SDK's own type, so when a
 * Stripe API version adds or renames a required field, `tsc` points here instead of
 * the application finding out at runtime.
 */
import Stripe from "stripe";
import { newId, nowSeconds } from "./ids";

/** The API version the bundled SDK speaks; events are stamped with it. */
export const API_VERSION: string = Stripe.API_VERSION;

/** Stripe returns `unit_amount_decimal` as a decimal string; the SDK's type is its Decimal. */
function decimal(amount: number | null): Stripe.Decimal | null {
  return amount === null ? null : Stripe.Decimal.from(String(amount));
}

/** The id of a field Stripe may return either as an id or as the expanded object. */
export function idOf(value: string | { id: string }): string {
  return typeof value === "string" ? value : value.id;
}

export function apiList<T>(data: T[], url: string, hasMore = false): Stripe.ApiList<T> {
  return { object: "list", data, has_more: hasMore, url };
}

export type ProductInput = {
  name: string;
  description: string | null;
  metadata: Record<string, string>;
  active: boolean;
  id?: string;
};

export function buildProduct(input: ProductInput): Stripe.Product {
  const created = nowSeconds();
  return {
    id: input.id ?? newId("prod", 14),
    object: "product",
    active: input.active,
    created,
    default_price: null,
    description: input.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: input.metadata,
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: created,
    url: null,
  };
}

export type PriceInput = {
  product: string;
  unitAmount: number;
  currency: string;
  interval: string | null;
  intervalCount: number;
  lookupKey: string | null;
  nickname: string | null;
  metadata: Record<string, string>;
  active: boolean;
  /** A usage-based price: billed from the meter's events, per `divideBy` units rounded up. */
  metered?: { meter: string; divideBy: number | null };
};

export function buildPrice(input: PriceInput): Stripe.Price {
  return {
    id: newId("price"),
    object: "price",
    active: input.active,
    billing_scheme: "per_unit",
    created: nowSeconds(),
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey,
    metadata: input.metadata,
    nickname: input.nickname,
    product: input.product,
    recurring: input.interval
      ? {
          interval: input.interval,
          interval_count: input.intervalCount,
          meter: input.metered?.meter ?? null,
          trial_period_days: null,
          usage_type: input.metered ? "metered" : "licensed",
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: input.metered?.divideBy
      ? { divide_by: input.metered.divideBy, round: "up" }
      : null,
    type: input.interval ? "recurring" : "one_time",
    unit_amount: input.unitAmount,
    unit_amount_decimal: decimal(input.unitAmount),
  };
}

/** Subscription items still carry the legacy `plan` mirror of their price. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: decimal(price.unit_amount),
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export type CustomerInput = {
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Record<string, string>;
};

export function buildCustomer(input: CustomerInput): Stripe.Customer {
  return {
    id: newId("cus", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description,
    discount: null,
    email: input.email,
    invoice_prefix: randomPrefix(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: input.metadata,
    name: input.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

/** Invoice numbers look like `A1B2C3D4-0001`: a per-customer prefix and a sequence. */
function randomPrefix(): string {
  return newId("x", 8).slice(2).toUpperCase();
}

export type Period = { start: number; end: number };

export function buildSubscriptionItem(
  subscription: string,
  price: Stripe.Price,
  quantity: number,
  period: Period,
): Stripe.SubscriptionItem {
  return {
    id: newId("si", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: nowSeconds(),
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity,
    subscription,
    tax_rates: [],
  };
}

export type SubscriptionInput = {
  id: string;
  customer: string;
  items: Stripe.SubscriptionItem[];
  status: Stripe.Subscription.Status;
  metadata: Record<string, string>;
  trialStart: number | null;
  trialEnd: number | null;
  latestInvoice: string | null;
  created: number;
};

export function buildSubscription(input: SubscriptionInput): Stripe.Subscription {
  const first = input.items[0];
  return {
    id: input.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: first?.current_period_start ?? input.created,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: input.created,
    currency: first?.price.currency ?? "usd",
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: apiList(input.items, `/v1/subscription_items?subscription=${input.id}`),
    latest_invoice: input.latestInvoice,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "off",
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" },
    },
    trial_start: input.trialStart,
  };
}

export type LineInput = {
  amount: number;
  description: string;
  price: Stripe.Price;
  quantity: number;
  period: Period;
  proration: boolean;
  subscription: string | null;
  subscriptionItem: string;
};

export function buildInvoiceLine(invoice: string | null, input: LineInput): Stripe.InvoiceLineItem {
  return {
    id: newId("il", 24),
    object: "line_item",
    amount: input.amount,
    currency: input.price.currency,
    description: input.description,
    discount_amounts: [],
    discountable: !input.proration,
    discounts: [],
    invoice,
    livemode: false,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: input.proration,
        proration_details: { credited_items: null },
        subscription: input.subscription,
        subscription_item: input.subscriptionItem,
      },
      type: "subscription_item_details",
    },
    period: input.period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: {
        price: input.price.id,
        product:
          typeof input.price.product === "string" ? input.price.product : input.price.product.id,
      },
      type: "price_details",
      unit_amount_decimal: decimal(input.price.unit_amount),
    },
    quantity: input.quantity,
    quantity_decimal: decimal(input.quantity),
    subscription: input.subscription,
    subtotal: input.amount,
    taxes: [],
  };
}

export type InvoiceInput = {
  id?: string;
  customer: Stripe.Customer;
  subscription: Stripe.Subscription | null;
  lines: LineInput[];
  status: "draft" | "open" | "paid";
  billingReason: Stripe.Invoice.BillingReason;
  period: Period;
  number: string | null;
  publicUrl: string;
  attemptCount: number;
};

export function buildInvoice(input: InvoiceInput): Stripe.Invoice {
  const id = input.id ?? newId("in");
  const created = nowSeconds();
  const lines = input.lines.map((line) =>
    buildInvoiceLine(input.status === "draft" ? null : id, line),
  );
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  const paid = input.status === "paid";
  const currency = input.lines[0]?.price.currency ?? input.subscription?.currency ?? "usd";
  const hosted = input.status === "draft" ? null : `${input.publicUrl}/invoices/${id}`;
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Stripe emulator",
    account_tax_ids: null,
    amount_due: Math.max(total, 0),
    amount_overpaid: 0,
    amount_paid: paid ? Math.max(total, 0) : 0,
    amount_remaining: paid ? 0 : Math.max(total, 0),
    amount_shipping: 0,
    application: null,
    attempt_count: input.attemptCount,
    attempted: input.attemptCount > 0,
    auto_advance: !paid,
    automatic_tax: {
      disabled_reason: null,
      enabled: false,
      liability: null,
      provider: null,
      status: null,
    },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created,
    currency,
    custom_fields: null,
    customer: input.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer.email,
    customer_name: input.customer.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: input.status === "draft" ? null : created,
    ending_balance: input.status === "draft" ? null : 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: hosted,
    invoice_pdf: hosted,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: apiList(lines, `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: input.status === "open" ? created + 3 * 86_400 : null,
    number: input.number,
    on_behalf_of: null,
    parent: input.subscription
      ? {
          quote_details: null,
          subscription_details: {
            metadata: input.subscription.metadata,
            subscription: input.subscription.id,
          },
          type: "subscription_details",
        }
      : null,
    payment_settings: {
      default_mandate: null,
      payment_method_options: null,
      payment_method_types: null,
    },
    period_end: input.period.end,
    period_start: input.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: input.status,
    status_transitions: {
      finalized_at: input.status === "draft" ? null : created,
      marked_uncollectible_at: null,
      paid_at: paid ? created : null,
      voided_at: null,
    },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.status === "draft" ? null : created,
  };
}

export type CheckoutInput = {
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  allowPromotionCodes: boolean | null;
  successUrl: string | null;
  cancelUrl: string | null;
  currency: string;
  amountTotal: number;
  publicUrl: string;
};

export function buildCheckoutSession(input: CheckoutInput): Stripe.Checkout.Session {
  const id = newId("cs_test", 56);
  const created = nowSeconds();
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: input.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer ? null : "always",
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: created + 86_400,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: "subscription",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: `${input.publicUrl}/checkout/${id}`,
    wallet_options: null,
  };
}

/** Checkout's `line_items` expansion: what the customer was shown and charged. */
export function buildCheckoutLineItem(
  price: Stripe.Price,
  quantity: number,
  product: Stripe.Product | undefined,
): Stripe.LineItem {
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId("li", 24),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: product?.name ?? price.nickname,
    metadata: {},
    price,
    quantity,
  };
}

export function buildPortalSession(
  customer: string,
  returnUrl: string | null,
  publicUrl: string,
): Stripe.BillingPortal.Session {
  const id = newId("bps");
  return {
    id,
    object: "billing_portal.session",
    configuration: "bpc_emulator",
    created: nowSeconds(),
    customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: returnUrl,
    url: `${publicUrl}/portal/${id}`,
  };
}
