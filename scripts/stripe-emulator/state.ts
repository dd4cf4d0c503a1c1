/**
 * Everything the emulator knows, as plain JSON-serialisable records keyed by id.
 * Records keep insertion order, which lists rely on for "newest first".
 *
 * With a state file, the whole store is written after each mutation (atomically, via
 * a temporary file and rename) so restarting `npm run dev` keeps customers and
 * subscriptions that the application's database already points at.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Stripe from "stripe";
import type { FormObject } from "./form-decode";

/**
 * A webhook delivery outcome. `skipped` means no webhook URL was configured; such
 * events count as undelivered, so a reconcile job listing `delivery_success=false`
 * still sees them.
 */
export type DeliveryStatus = "pending" | "succeeded" | "failed" | "skipped";

export type EventRecord = {
  event: Stripe.Event;
  delivery: DeliveryStatus;
  attempts: number;
  lastAttemptAt: number | null;
  /** HTTP status of the last attempt, or null when the request itself failed. */
  lastStatus: number | null;
  lastError: string | null;
};

/** A checkout session plus what it was created with; Stripe keeps these off the object. */
export type CheckoutRecord = {
  session: Stripe.Checkout.Session;
  lineItems: { price: string; quantity: number }[];
  trialPeriodDays: number | null;
  subscriptionMetadata: Record<string, string>;
  /** `discounts[i][promotion_code|coupon]` as given; redeemed when the session is paid. */
  discounts?: FormObject[];
};

export type EmulatorData = {
  version: 1;
  customers: Record<string, Stripe.Customer>;
  products: Record<string, Stripe.Product>;
  prices: Record<string, Stripe.Price>;
  checkoutSessions: Record<string, CheckoutRecord>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  subscriptions: Record<string, Stripe.Subscription>;
  invoices: Record<string, Stripe.Invoice>;
  /** Oldest first. */
  events: EventRecord[];
  /** Optional: state files written before meters existed have neither. */
  meters?: Record<string, Stripe.Billing.Meter>;
  meterEvents?: MeterEventRecord[];
  /** Optional too: state files written before promotion codes existed have none of these. */
  coupons?: Record<string, Stripe.Coupon>;
  promotionCodes?: Record<string, Stripe.PromotionCode>;
  /** Discounts by id; subscriptions and invoices refer to them by id, as Stripe returns them. */
  discounts?: Record<string, Stripe.Discount>;
};

export type MeterEventRecord = {
  identifier: string;
  eventName: string;
  customer: string;
  value: number;
  timestamp: number;
};

export function emptyData(): EmulatorData {
  return {
    version: 1,
    customers: {},
    products: {},
    prices: {},
    checkoutSessions: {},
    portalSessions: {},
    subscriptions: {},
    invoices: {},
    events: [],
  };
}

/**
 * Loads a state file written by `saveData`. A missing file is an empty store; an
 * unreadable one is an error rather than a silent reset, which would orphan the
 * Stripe ids already stored in the application's database.
 */
export function loadData(file: string): EmulatorData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyData();
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isData(parsed)) {
    throw new Error(`${file} is not a Stripe emulator state file (version 1)`);
  }
  // Deliveries interrupted by a restart never reached the receiver.
  for (const record of parsed.events) {
    if (record.delivery === "pending") record.delivery = "failed";
  }
  return parsed;
}

function isData(value: unknown): value is EmulatorData {
  if (typeof value !== "object" || value === null) return false;
  const data = value as Partial<EmulatorData>;
  return (
    data.version === 1 &&
    typeof data.customers === "object" &&
    typeof data.products === "object" &&
    typeof data.prices === "object" &&
    typeof data.checkoutSessions === "object" &&
    typeof data.portalSessions === "object" &&
    typeof data.subscriptions === "object" &&
    typeof data.invoices === "object" &&
    Array.isArray(data.events)
  );
}

export function saveData(file: string, data: EmulatorData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(data, null, 2));
  renameSync(temporary, file);
}

/** Deep copy through JSON: the same transformation a response or event goes through. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What `GET /_emulator/state` and `emulator.state()` return for assertions. */
export type EmulatorSnapshot = {
  customers: Stripe.Customer[];
  products: Stripe.Product[];
  prices: Stripe.Price[];
  checkoutSessions: Stripe.Checkout.Session[];
  subscriptions: Stripe.Subscription[];
  invoices: Stripe.Invoice[];
  events: {
    id: string;
    type: string;
    created: number;
    objectId: string | null;
    delivery: DeliveryStatus;
    deliverySuccess: boolean;
    attempts: number;
    lastStatus: number | null;
    lastError: string | null;
  }[];
};

export function snapshot(data: EmulatorData): EmulatorSnapshot {
  return clone({
    customers: Object.values(data.customers),
    products: Object.values(data.products),
    prices: Object.values(data.prices),
    checkoutSessions: Object.values(data.checkoutSessions).map((record) => record.session),
    subscriptions: Object.values(data.subscriptions),
    invoices: Object.values(data.invoices),
    events: data.events.map((record) => ({
      id: record.event.id,
      type: record.event.type,
      created: record.event.created,
      objectId: objectId(record.event),
      delivery: record.delivery,
      deliverySuccess: record.delivery === "succeeded",
      attempts: record.attempts,
      lastStatus: record.lastStatus,
      lastError: record.lastError,
    })),
  });
}

function objectId(event: Stripe.Event): string | null {
  const object: object = event.data.object;
  return "id" in object && typeof object.id === "string" ? object.id : null;
}
