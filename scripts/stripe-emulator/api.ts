/**
 * The `/v1` REST endpoints the app uses. Handlers validate their parameters the way
 * Stripe does (400 naming the parameter, 404 `resource_missing` for unknown ids) and
 * return SDK-typed objects; expansion works on copies so state is never rewritten by
 * a read.
 */
import type Stripe from "stripe";
import { cancelSubscription, previewInvoice, updateSubscription } from "./billing";
import type { EmulatorCore } from "./core";
import { priceCheckoutDiscounts } from "./checkout-promotion";
import { checkoutDiscounts, discountPreview } from "./discounts";
import {
  createCoupon,
  createPromotionCode,
  expandPromotion,
  listPromotionCodes,
  promotionCode,
  retrieveCoupon,
  updatePromotionCode,
} from "./promotions";
import { invalidRequest, missingParam, unknownRoute } from "./errors";
import type { EventOrigin } from "./events";
import { nowSeconds } from "./ids";
import {
  apiList,
  buildCheckoutLineItem,
  buildCheckoutSession,
  buildCustomer,
  buildPortalSession,
  buildPrice,
  buildProduct,
  idOf,
} from "./objects";
import {
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalInteger,
  optionalObject,
  optionalObjectArray,
  optionalString,
  type Params,
  requiredString,
  stringArray,
} from "./params";
import { createMeter, createMeterEvent, isMetered, listMeters, meter } from "./meters";
import type { CheckoutRecord } from "./state";
import { balanceTransaction, createBalanceTransaction, listBalanceTransactions } from "./balance";

export type ApiRequest = {
  method: string;
  path: string;
  params: Params;
  origin: EventOrigin;
};

export type ApiResponse = { status: number; body: object };

type Handler = (core: EmulatorCore, request: ApiRequest, id: string) => object;

type Route = { method: string; pattern: RegExp; handler: Handler };

const ID = "([A-Za-z0-9_]+)";

function route(method: string, path: string, handler: Handler): Route {
  return { method, pattern: new RegExp(`^${path.replace(":id", ID)}$`), handler };
}

const routes: Route[] = [
  route("POST", "/v1/products", (core, request) => createProduct(core, request.params)),
  route("GET", "/v1/products", (core, request) => listProducts(core, request.params)),
  route("GET", "/v1/products/:id", (core, _request, id) => core.product(id, "id")),
  route("POST", "/v1/products/:id", (core, request, id) => updateProduct(core, id, request.params)),

  route("POST", "/v1/prices", (core, request) => createPrice(core, request.params)),
  route("GET", "/v1/prices", (core, request) => listPrices(core, request.params)),
  route("GET", "/v1/prices/:id", (core, request, id) =>
    expandPrice(core, core.price(id, "id"), expansions(request.params)),
  ),
  route("POST", "/v1/prices/:id", (core, request, id) => updatePrice(core, id, request.params)),

  route("POST", "/v1/billing/meters", (core, request) => createMeter(core, request.params)),
  route("GET", "/v1/billing/meters", (core) => listMeters(core)),
  route("GET", "/v1/billing/meters/:id", (core, _request, id) => meter(core, id, "id")),
  route("POST", "/v1/billing/meter_events", (core, request) =>
    createMeterEvent(core, request.params),
  ),

  route("POST", "/v1/customers", (core, request) => createCustomer(core, request.params)),
  route("GET", "/v1/customers", (core, request) => listCustomers(core, request.params)),
  route("GET", "/v1/customers/:id", (core, _request, id) => core.customer(id, "id")),
  route("POST", "/v1/customers/:id", (core, request, id) =>
    updateCustomer(core, id, request.params),
  ),
  ...balanceRoutes(),

  route("POST", "/v1/checkout/sessions", (core, request) =>
    createCheckoutSession(core, request.params),
  ),
  route("GET", "/v1/checkout/sessions/:id", (core, request, id) =>
    expandSession(core, core.checkout(id), expansions(request.params)),
  ),
  route("GET", "/v1/checkout/sessions/:id/line_items", (core, request, id) =>
    paginate(
      checkoutLineItems(core, core.checkout(id)),
      request.params,
      `/v1/checkout/sessions/${id}/line_items`,
    ),
  ),

  route("POST", "/v1/billing_portal/sessions", (core, request) =>
    createPortalSession(core, request.params),
  ),

  route("GET", "/v1/subscriptions", (core, request) => listSubscriptions(core, request.params)),
  route("GET", "/v1/subscriptions/:id", (core, request, id) =>
    expandSubscription(core, core.subscription(id, "id"), expansions(request.params)),
  ),
  route("POST", "/v1/subscriptions/:id", (core, request, id) => {
    const outcome = updateSubscription(core, id, request.params, request.origin);
    return expandSubscription(core, outcome.result, expansions(request.params));
  }),
  route("DELETE", "/v1/subscriptions/:id", (core, request, id) => {
    const outcome = cancelSubscription(core, id, request.origin);
    return expandSubscription(core, outcome.result, expansions(request.params));
  }),

  route("POST", "/v1/invoices/create_preview", (core, request) =>
    expandInvoice(
      core,
      discountPreview(core, request.params, previewInvoice(core, request.params)),
      expansions(request.params),
    ),
  ),

  route("POST", "/v1/coupons", (core, request) => createCoupon(core, request.params)),
  route("GET", "/v1/coupons/:id", (core, _request, id) => retrieveCoupon(core, id)),
  route("POST", "/v1/promotion_codes", (core, request) =>
    createPromotionCode(core, request.params),
  ),
  route("GET", "/v1/promotion_codes", (core, request) => listPromotionCodes(core, request.params)),
  route("GET", "/v1/promotion_codes/:id", (core, request, id) =>
    stringArray(request.params, "expand").includes("promotion.coupon")
      ? expandPromotion(core, promotionCode(core, id, "id"))
      : promotionCode(core, id, "id"),
  ),
  route("POST", "/v1/promotion_codes/:id", (core, request, id) =>
    updatePromotionCode(core, id, request.params),
  ),
  route("GET", "/v1/invoices", (core, request) => listInvoices(core, request.params)),
  route("GET", "/v1/invoices/:id", (core, request, id) =>
    expandInvoice(core, core.invoice(id, "id"), expansions(request.params)),
  ),
  route("GET", "/v1/invoices/:id/lines", (core, request, id) =>
    paginate(core.invoice(id, "id").lines.data, request.params, `/v1/invoices/${id}/lines`),
  ),

  route("GET", "/v1/events", (core, request) => listEvents(core, request.params)),
  route("GET", "/v1/events/:id", (core, _request, id) => core.eventRecord(id).event),
];

// Customer balances (./balance.ts); a function, since the routes table is built above it.
function balanceRoutes(): Route[] {
  const base = "/v1/customers/:id/balance_transactions";
  return [
    route("POST", base, (core, request, id) => createBalanceTransaction(core, id, request.params)),
    route("GET", base, (core, request, id) => listBalanceTransactions(core, id, request.params)),
    {
      method: "GET",
      pattern: new RegExp(`^/v1/customers/${ID}/balance_transactions/${ID}$`),
      handler: (core, request) => {
        const [, customer = "", id = ""] =
          /^\/v1\/customers\/([^/]+)\/balance_transactions\/([^/]+)$/.exec(request.path) ?? [];
        return balanceTransaction(core, customer, id);
      },
    },
  ];
}

export function handleApi(core: EmulatorCore, request: ApiRequest): ApiResponse {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (!match) continue;
    if (candidate.method !== request.method) continue;
    return { status: 200, body: candidate.handler(core, request, match[1] ?? "") };
  }
  throw unknownRoute(request.method, request.path);
}

// ---------------------------------------------------------------------------
// Lists and expansion

function expansions(params: Params): string[] {
  return stringArray(params, "expand");
}

/** The expansion paths below `prefix` (`data.product` under `data` → `product`). */
function below(paths: string[], prefix: string): string[] {
  return paths
    .filter((path) => path.startsWith(`${prefix}.`))
    .map((path) => path.slice(prefix.length + 1));
}

/** Cursor pagination over a newest-first list, with Stripe's `limit` bounds (1–100, default 10). */
function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  url: string,
): Stripe.ApiList<T> {
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("Invalid limit: must be between 1 and 100", "limit");
  }
  const startingAfter = optionalString(params, "starting_after");
  const endingBefore = optionalString(params, "ending_before");
  if (endingBefore) {
    const end = items.findIndex((item) => item.id === endingBefore);
    const before = end < 0 ? [] : items.slice(0, end);
    return apiList(before.slice(-limit), url, before.length > limit);
  }
  let rest = items;
  if (startingAfter) {
    const start = items.findIndex((item) => item.id === startingAfter);
    rest = start < 0 ? [] : items.slice(start + 1);
  }
  return apiList(rest.slice(0, limit), url, rest.length > limit);
}

function newestFirst<T>(records: Record<string, T>): T[] {
  return Object.values(records).reverse();
}

function expandPrice(core: EmulatorCore, price: Stripe.Price, paths: string[]): Stripe.Price {
  if (!paths.includes("product")) return price;
  const product = core.data.products[idOf(price.product)];
  return product ? { ...price, product } : price;
}

function expandInvoice(
  core: EmulatorCore,
  invoice: Stripe.Invoice,
  paths: string[],
): Stripe.Invoice {
  const expanded = { ...invoice };
  if (paths.includes("customer") && invoice.customer) {
    expanded.customer = core.data.customers[idOf(invoice.customer)] ?? invoice.customer;
  }
  const details = invoice.parent?.subscription_details;
  if (paths.includes("parent.subscription_details.subscription") && invoice.parent && details) {
    const subscription = core.data.subscriptions[idOf(details.subscription)];
    if (subscription) {
      expanded.parent = {
        ...invoice.parent,
        subscription_details: { ...details, subscription },
      };
    }
  }
  return expanded;
}

function expandSubscription(
  core: EmulatorCore,
  subscription: Stripe.Subscription,
  paths: string[],
): Stripe.Subscription {
  const expanded = { ...subscription };
  if (paths.includes("customer")) {
    expanded.customer = core.data.customers[idOf(subscription.customer)] ?? subscription.customer;
  }
  if (paths.includes("latest_invoice") && subscription.latest_invoice) {
    const invoice = core.data.invoices[idOf(subscription.latest_invoice)];
    if (invoice)
      expanded.latest_invoice = expandInvoice(core, invoice, below(paths, "latest_invoice"));
  }
  const pricePaths = below(paths, "items.data.price");
  if (pricePaths.length > 0) {
    expanded.items = {
      ...subscription.items,
      data: subscription.items.data.map((item) => ({
        ...item,
        price: expandPrice(core, item.price, pricePaths),
      })),
    };
  }
  return expanded;
}

function checkoutLineItems(core: EmulatorCore, record: CheckoutRecord): Stripe.LineItem[] {
  return record.lineItems.map((line) => {
    const price = core.price(line.price);
    return buildCheckoutLineItem(price, line.quantity, core.data.products[idOf(price.product)]);
  });
}

function expandSession(
  core: EmulatorCore,
  record: CheckoutRecord,
  paths: string[],
): Stripe.Checkout.Session {
  const session = record.session;
  const expanded = { ...session };
  if (paths.includes("customer") && session.customer) {
    expanded.customer = core.data.customers[idOf(session.customer)] ?? session.customer;
  }
  if (paths.includes("subscription") && session.subscription) {
    const subscription = core.data.subscriptions[idOf(session.subscription)];
    if (subscription) {
      expanded.subscription = expandSubscription(core, subscription, below(paths, "subscription"));
    }
  }
  if (paths.includes("invoice") && session.invoice) {
    const invoice = core.data.invoices[idOf(session.invoice)];
    if (invoice) expanded.invoice = expandInvoice(core, invoice, below(paths, "invoice"));
  }
  if (paths.includes("line_items")) {
    expanded.line_items = apiList(
      checkoutLineItems(core, record),
      `/v1/checkout/sessions/${session.id}/line_items`,
    );
  }
  return expanded;
}

// ---------------------------------------------------------------------------
// Products and prices

function createProduct(core: EmulatorCore, params: Params): Stripe.Product {
  const id = optionalString(params, "id");
  if (id && core.data.products[id]) {
    throw invalidRequest(`Product already exists.`, "id");
  }
  const product = buildProduct({
    id,
    name: requiredString(params, "name"),
    description: nullableString(params, "description") ?? null,
    metadata: mergeMetadata({}, params),
    active: optionalBoolean(params, "active") ?? true,
  });
  core.data.products[product.id] = product;
  core.save();
  return product;
}

function updateProduct(core: EmulatorCore, id: string, params: Params): Stripe.Product {
  const product = core.product(id, "id");
  const name = optionalString(params, "name");
  if (name !== undefined) {
    if (name === "") throw invalidRequest("You must specify a name.", "name");
    product.name = name;
  }
  const description = nullableString(params, "description");
  if (description !== undefined) product.description = description;
  product.active = optionalBoolean(params, "active") ?? product.active;
  product.metadata = mergeMetadata(product.metadata, params);
  product.updated = nowSeconds();
  core.save();
  return product;
}

function listProducts(core: EmulatorCore, params: Params): Stripe.ApiList<Stripe.Product> {
  const active = optionalBoolean(params, "active");
  const ids = stringArray(params, "ids");
  const products = newestFirst(core.data.products).filter(
    (product) =>
      (active === undefined || product.active === active) &&
      (ids.length === 0 || ids.includes(product.id)),
  );
  return paginate(products, params, "/v1/products");
}

const INTERVALS = ["day", "week", "month", "year"];

/**
 * Lookup keys are unique among prices. `transfer_lookup_key` moves a key from the price
 * holding it, which is how a seed script re-points `pro_monthly` at a new price.
 */
function claimLookupKey(
  core: EmulatorCore,
  key: string | null,
  params: Params,
  owner?: string,
): void {
  if (key === null) return;
  const holder = Object.values(core.data.prices).find(
    (price) => price.lookup_key === key && price.id !== owner,
  );
  if (!holder) return;
  if (optionalBoolean(params, "transfer_lookup_key") !== true) {
    throw invalidRequest(
      `A price (\`${holder.id}\`) already uses that lookup key. Pass transfer_lookup_key=true to move it.`,
      "lookup_key",
    );
  }
  holder.lookup_key = null;
}

function createPrice(core: EmulatorCore, params: Params): Stripe.Price {
  const productData = optionalObject(params, "product_data");
  let productId = optionalString(params, "product");
  if (!productId && productData) {
    const product = buildProduct({
      name: requiredString(productData, "name", "product_data[name]"),
      description: null,
      metadata: mergeMetadata({}, productData),
      active: optionalBoolean(productData, "active", "product_data[active]") ?? true,
    });
    core.data.products[product.id] = product;
    productId = product.id;
  }
  if (!productId) throw missingParam("product");
  core.product(productId);

  const unitAmount = optionalInteger(params, "unit_amount");
  if (unitAmount === undefined) throw missingParam("unit_amount");
  if (unitAmount < 0)
    throw invalidRequest("Invalid unit_amount: must be at least 0", "unit_amount");
  const currency = requiredString(params, "currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency))
    throw invalidRequest(`Invalid currency: ${currency}`, "currency");

  const recurring = optionalObject(params, "recurring");
  let interval: string | null = null;
  let intervalCount = 1;
  if (recurring) {
    interval = requiredString(recurring, "interval", "recurring[interval]");
    if (!INTERVALS.includes(interval)) {
      throw invalidRequest(
        `Invalid recurring[interval]: must be one of ${INTERVALS.join(", ")}`,
        "recurring[interval]",
      );
    }
    intervalCount = optionalInteger(recurring, "interval_count", "recurring[interval_count]") ?? 1;
    if (intervalCount < 1) {
      throw invalidRequest("Invalid recurring[interval_count]", "recurring[interval_count]");
    }
  }
  let metered: { meter: string; divideBy: number | null } | undefined;
  if (recurring && optionalString(recurring, "usage_type", "recurring[usage_type]") === "metered") {
    const meterId = requiredString(recurring, "meter", "recurring[meter]");
    meter(core, meterId, "recurring[meter]");
    const transform = optionalObject(params, "transform_quantity");
    const divideBy = transform
      ? optionalInteger(transform, "divide_by", "transform_quantity[divide_by]")
      : undefined;
    if (divideBy !== undefined && divideBy < 1) {
      throw invalidRequest(
        "Invalid transform_quantity[divide_by]",
        "transform_quantity[divide_by]",
      );
    }
    metered = { meter: meterId, divideBy: divideBy ?? null };
  }
  const lookupKey = nullableString(params, "lookup_key") ?? null;
  claimLookupKey(core, lookupKey, params);
  const price = buildPrice({
    product: productId,
    unitAmount,
    currency,
    interval,
    intervalCount,
    lookupKey,
    nickname: nullableString(params, "nickname") ?? null,
    metadata: mergeMetadata({}, params),
    active: optionalBoolean(params, "active") ?? true,
    ...(metered ? { metered } : {}),
  });
  core.data.prices[price.id] = price;
  core.save();
  return price;
}

function updatePrice(core: EmulatorCore, id: string, params: Params): Stripe.Price {
  const price = core.price(id, "id");
  const lookupKey = nullableString(params, "lookup_key");
  if (lookupKey !== undefined) {
    claimLookupKey(core, lookupKey, params, price.id);
    price.lookup_key = lookupKey;
  }
  const nickname = nullableString(params, "nickname");
  if (nickname !== undefined) price.nickname = nickname;
  price.active = optionalBoolean(params, "active") ?? price.active;
  price.metadata = mergeMetadata(price.metadata, params);
  core.save();
  return expandPrice(core, price, expansions(params));
}

function listPrices(core: EmulatorCore, params: Params): Stripe.ApiList<Stripe.Price> {
  const lookupKeys = stringArray(params, "lookup_keys");
  const active = optionalBoolean(params, "active");
  const product = optionalString(params, "product");
  const currency = optionalString(params, "currency")?.toLowerCase();
  const type = optionalString(params, "type");
  const recurring = optionalObject(params, "recurring");
  const interval = recurring
    ? optionalString(recurring, "interval", "recurring[interval]")
    : undefined;
  const prices = newestFirst(core.data.prices).filter(
    (price) =>
      (lookupKeys.length === 0 ||
        (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (active === undefined || price.active === active) &&
      (product === undefined || idOf(price.product) === product) &&
      (currency === undefined || price.currency === currency) &&
      (type === undefined || price.type === type) &&
      (interval === undefined || price.recurring?.interval === interval),
  );
  const list = paginate(prices, params, "/v1/prices");
  const dataPaths = below(expansions(params), "data");
  return { ...list, data: list.data.map((price) => expandPrice(core, price, dataPaths)) };
}

// ---------------------------------------------------------------------------
// Customers

function createCustomer(core: EmulatorCore, params: Params): Stripe.Customer {
  const customer = buildCustomer({
    email: nullableString(params, "email") ?? null,
    name: nullableString(params, "name") ?? null,
    description: nullableString(params, "description") ?? null,
    metadata: mergeMetadata({}, params),
  });
  core.data.customers[customer.id] = customer;
  core.save();
  return customer;
}

function updateCustomer(core: EmulatorCore, id: string, params: Params): Stripe.Customer {
  const customer = core.customer(id, "id");
  const email = nullableString(params, "email");
  if (email !== undefined) customer.email = email;
  const name = nullableString(params, "name");
  if (name !== undefined) customer.name = name;
  const description = nullableString(params, "description");
  if (description !== undefined) customer.description = description;
  customer.metadata = mergeMetadata(customer.metadata, params);
  core.save();
  return customer;
}

function listCustomers(core: EmulatorCore, params: Params): Stripe.ApiList<Stripe.Customer> {
  const email = optionalString(params, "email");
  const customers = newestFirst(core.data.customers).filter(
    (customer) => email === undefined || customer.email === email,
  );
  return paginate(customers, params, "/v1/customers");
}

// ---------------------------------------------------------------------------
// Checkout and the billing portal

function createCheckoutSession(core: EmulatorCore, params: Params): Stripe.Checkout.Session {
  const mode = requiredString(params, "mode");
  if (mode !== "subscription") {
    throw invalidRequest(
      `The Stripe emulator supports only mode=subscription (got ${mode}).`,
      "mode",
    );
  }
  const customer = optionalString(params, "customer");
  if (customer) core.customer(customer);
  const lineParams = optionalObjectArray(params, "line_items");
  if (!lineParams || lineParams.length === 0) throw missingParam("line_items");
  const lineItems = lineParams.map((line, index) => {
    const path = `line_items[${index}]`;
    const price = core.price(requiredString(line, "price", `${path}[price]`), `${path}[price]`);
    if (!price.recurring) {
      throw invalidRequest(
        "You must specify at least one recurring price in `subscription` mode.",
        `${path}[price]`,
      );
    }
    if (!price.active) {
      throw invalidRequest(`The price \`${price.id}\` is not active.`, `${path}[price]`);
    }
    // Usage-based prices take no quantity: the meter decides what is billed.
    if (isMetered(price)) {
      if (line.quantity !== undefined) {
        throw invalidRequest(
          "Quantity should not be specified where usage_type is `metered`.",
          `${path}[quantity]`,
        );
      }
      return { price, quantity: 0 };
    }
    const quantity = optionalInteger(line, "quantity", `${path}[quantity]`) ?? 1;
    if (quantity < 1) {
      throw invalidRequest(`Invalid ${path}[quantity]: must be at least 1`, `${path}[quantity]`);
    }
    return { price, quantity };
  });
  const currency = lineItems[0]!.price.currency;
  if (lineItems.some((line) => line.price.currency !== currency)) {
    throw invalidRequest("All prices must be in the same currency.", "line_items");
  }
  const subscriptionData = optionalObject(params, "subscription_data") ?? {};
  const trialPeriodDays =
    optionalInteger(
      subscriptionData,
      "trial_period_days",
      "subscription_data[trial_period_days]",
    ) ?? null;
  if (trialPeriodDays !== null && (trialPeriodDays < 1 || trialPeriodDays > 730)) {
    throw invalidRequest(
      "Invalid subscription_data[trial_period_days]: must be between 1 and 730",
      "subscription_data[trial_period_days]",
    );
  }
  const amount = lineItems.reduce(
    (sum, line) => sum + (line.price.unit_amount ?? 0) * line.quantity,
    0,
  );
  const discounts = checkoutDiscounts(core, params, customer ?? null);
  const session = buildCheckoutSession({
    customer: customer ?? null,
    customerEmail: customer ? null : (optionalString(params, "customer_email") ?? null),
    clientReferenceId: optionalString(params, "client_reference_id") ?? null,
    metadata: mergeMetadata({}, params),
    allowPromotionCodes: optionalBoolean(params, "allow_promotion_codes") ?? null,
    successUrl: optionalString(params, "success_url") ?? null,
    cancelUrl: optionalString(params, "cancel_url") ?? null,
    currency,
    amountTotal: trialPeriodDays ? 0 : amount,
    publicUrl: core.config.publicUrl,
  });
  const record = {
    session,
    lineItems: lineItems.map((line) => ({ price: line.price.id, quantity: line.quantity })),
    trialPeriodDays,
    subscriptionMetadata: mergeMetadata({}, subscriptionData),
    ...(discounts ? { discounts } : {}),
  };
  priceCheckoutDiscounts(core, record);
  core.data.checkoutSessions[session.id] = record;
  core.save();
  return expandSession(core, core.checkout(session.id), expansions(params));
}

function createPortalSession(core: EmulatorCore, params: Params): Stripe.BillingPortal.Session {
  const customer = core.customer(requiredString(params, "customer"));
  const session = buildPortalSession(
    customer.id,
    optionalString(params, "return_url") ?? null,
    core.config.publicUrl,
  );
  core.data.portalSessions[session.id] = session;
  core.save();
  return session;
}

// ---------------------------------------------------------------------------
// Subscriptions, invoices and events

const SUBSCRIPTION_STATUSES = [
  "active",
  "past_due",
  "unpaid",
  "canceled",
  "incomplete",
  "incomplete_expired",
  "trialing",
  "paused",
  "all",
  "ended",
];

function listSubscriptions(
  core: EmulatorCore,
  params: Params,
): Stripe.ApiList<Stripe.Subscription> {
  const customer = optionalString(params, "customer");
  const price = optionalString(params, "price");
  const status = optionalString(params, "status");
  if (status !== undefined && !SUBSCRIPTION_STATUSES.includes(status)) {
    throw invalidRequest(
      `Invalid status: must be one of ${SUBSCRIPTION_STATUSES.join(", ")}`,
      "status",
    );
  }
  const matchesStatus = (subscription: Stripe.Subscription) => {
    if (status === "all") return true;
    if (status === "ended")
      return subscription.status === "canceled" || subscription.status === "incomplete_expired";
    if (status) return subscription.status === status;
    // Without a status filter Stripe leaves out canceled subscriptions.
    return subscription.status !== "canceled" && subscription.status !== "incomplete_expired";
  };
  const subscriptions = newestFirst(core.data.subscriptions).filter(
    (subscription) =>
      (customer === undefined || idOf(subscription.customer) === customer) &&
      (price === undefined || subscription.items.data.some((item) => item.price.id === price)) &&
      matchesStatus(subscription),
  );
  const list = paginate(subscriptions, params, "/v1/subscriptions");
  const dataPaths = below(expansions(params), "data");
  return {
    ...list,
    data: list.data.map((subscription) => expandSubscription(core, subscription, dataPaths)),
  };
}

function listInvoices(core: EmulatorCore, params: Params): Stripe.ApiList<Stripe.Invoice> {
  const customer = optionalString(params, "customer");
  const subscription = optionalString(params, "subscription");
  const status = optionalString(params, "status");
  const invoices = newestFirst(core.data.invoices).filter(
    (invoice) =>
      (customer === undefined ||
        (invoice.customer !== null && idOf(invoice.customer) === customer)) &&
      (subscription === undefined ||
        (invoice.parent?.subscription_details &&
          idOf(invoice.parent.subscription_details.subscription) === subscription)) &&
      (status === undefined || invoice.status === status),
  );
  const list = paginate(invoices, params, "/v1/invoices");
  const dataPaths = below(expansions(params), "data");
  return { ...list, data: list.data.map((invoice) => expandInvoice(core, invoice, dataPaths)) };
}

/** `created` is either a timestamp or a range: `created[gte]=…&created[lt]=…`. */
function createdFilter(params: Params): (created: number) => boolean {
  const exact = params.created;
  if (exact === undefined) return () => true;
  if (typeof exact === "string") {
    const at = optionalInteger(params, "created");
    return (created) => at === undefined || created === at;
  }
  const range = optionalObject(params, "created") ?? {};
  const bound = (key: string) => optionalInteger(range, key, `created[${key}]`);
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}

/** `type` accepts Stripe's trailing wildcard (`customer.subscription.*`). */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (pattern.endsWith("*")) {
    const prefix = pattern.slice(0, -1);
    return (type) => type.startsWith(prefix);
  }
  return (type) => type === pattern;
}

function listEvents(core: EmulatorCore, params: Params): Stripe.ApiList<Stripe.Event> {
  const type = optionalString(params, "type");
  const types = stringArray(params, "types");
  if (type && types.length > 0) {
    throw invalidRequest("You may pass either type or types, but not both.", "types");
  }
  const matchesType = type
    ? typeMatcher(type)
    : (candidate: string) => types.length === 0 || types.includes(candidate);
  const matchesCreated = createdFilter(params);
  const deliverySuccess = optionalBoolean(params, "delivery_success");
  const events = core.data.events
    .slice()
    .reverse()
    .filter(
      (record) =>
        matchesType(record.event.type) &&
        matchesCreated(record.event.created) &&
        (deliverySuccess === undefined ||
          (deliverySuccess
            ? record.delivery === "succeeded"
            : record.delivery === "failed" || record.delivery === "skipped")),
    )
    .map((record) => record.event);
  return paginate(events, params, "/v1/events");
}
