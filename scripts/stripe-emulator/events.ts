/**
 * Events and their signed webhook deliveries.
 *
 * Deliveries go through one queue, so the receiver sees events in the order they
 * happened even when an API call returns before its webhook is sent. A failed
 * delivery is recorded, not retried: the application's reconcile job is expected
 * to find it through `GET /v1/events?delivery_success=false`, as it would on Stripe.
 */
import http from "node:http";
import https from "node:https";
import Stripe from "stripe";
import { newId, nowSeconds } from "./ids";
import { API_VERSION } from "./objects";
import { clone, type EventRecord } from "./state";

type SubscriptionEventType =
  | "customer.subscription.created"
  | "customer.subscription.updated"
  | "customer.subscription.deleted"
  | "customer.subscription.trial_will_end";

type InvoiceEventType = "invoice.paid" | "invoice.payment_failed";

/** The events the emulator emits, each tied to the object type Stripe sends with it. */
export type EventSpec =
  | { type: "checkout.session.completed"; object: Stripe.Checkout.Session }
  | {
      type: SubscriptionEventType;
      object: Stripe.Subscription;
      previous?: Partial<Stripe.Subscription>;
    }
  | { type: InvoiceEventType; object: Stripe.Invoice; previous?: Partial<Stripe.Invoice> };

/** The API request that caused an event; null for events the emulator raised itself. */
export type EventOrigin = { requestId: string | null; idempotencyKey: string | null };

export function buildEvent(
  spec: EventSpec,
  origin: EventOrigin,
  hasEndpoint: boolean,
): Stripe.Event {
  const base = {
    id: newId("evt"),
    object: "event" as const,
    api_version: API_VERSION,
    created: nowSeconds(),
    livemode: false,
    pending_webhooks: hasEndpoint ? 1 : 0,
    request: { id: origin.requestId, idempotency_key: origin.idempotencyKey },
  };
  // Events carry a copy: later changes to the object must not rewrite history.
  // The invoice and subscription branches are the same code on purpose: only a branch per
  // object type lets the compiler tie `type` to the SDK's event type for that object.
  switch (spec.type) {
    case "checkout.session.completed":
      return { ...base, type: spec.type, data: { object: clone(spec.object) } };
    case "invoice.paid":
    case "invoice.payment_failed":
      return {
        ...base,
        type: spec.type,
        data: {
          object: clone(spec.object),
          ...(spec.previous ? { previous_attributes: clone(spec.previous) } : {}),
        },
      };
    default:
      return {
        ...base,
        type: spec.type,
        data: {
          object: clone(spec.object),
          ...(spec.previous ? { previous_attributes: clone(spec.previous) } : {}),
        },
      };
  }
}

/** Keys whose values differ between two versions of an object, with their old values. */
export function previousAttributes<T extends object>(before: T, after: T): Partial<T> {
  const previous: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) copyKey(previous, before, key);
  }
  return previous;
}

function copyKey<T, K extends keyof T>(target: Partial<T>, source: T, key: K): void {
  target[key] = source[key];
}

export type DeliveryOptions = {
  url: string | undefined;
  secret: string;
  log: (line: string) => void;
  /** Called after each attempt changes a record, so the state file can be saved. */
  onRecordChange: () => void;
  timeoutMs?: number;
};

export class WebhookQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: DeliveryOptions) {}

  /** Queues a delivery; the promise settles once this event's attempt is recorded. */
  enqueue(record: EventRecord): Promise<void> {
    const run = this.tail.then(() => this.deliver(record));
    this.tail = run.catch(() => {});
    return run;
  }

  /** Resolves when every queued delivery, including ones queued meanwhile, has finished. */
  async idle(): Promise<void> {
    for (;;) {
      const current = this.tail;
      await current;
      if (current === this.tail) return;
    }
  }

  private async deliver(record: EventRecord): Promise<void> {
    const { url, secret, log } = this.options;
    if (!url) {
      record.delivery = "skipped";
      record.event.pending_webhooks = 0;
      this.options.onRecordChange();
      return;
    }
    record.event.pending_webhooks = 1;
    const payload = JSON.stringify(record.event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    record.attempts += 1;
    record.lastAttemptAt = nowSeconds();
    try {
      const status = await postJson(url, payload, signature, this.options.timeoutMs ?? 15_000);
      record.lastStatus = status;
      record.lastError = status >= 200 && status < 300 ? null : `HTTP ${status}`;
      record.delivery = record.lastError ? "failed" : "succeeded";
    } catch (error) {
      record.lastStatus = null;
      record.lastError = error instanceof Error ? error.message : String(error);
      record.delivery = "failed";
    }
    record.event.pending_webhooks = record.delivery === "succeeded" ? 0 : 1;
    log(
      `webhook ${record.event.type} ${record.event.id} → ${
        record.delivery === "succeeded" ? record.lastStatus : `failed (${record.lastError})`
      }`,
    );
    this.options.onRecordChange();
  }
}

function postJson(
  target: string,
  payload: string,
  signature: string,
  timeoutMs: number,
): Promise<number> {
  const url = new URL(target);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(payload),
          "Stripe-Signature": signature,
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks) keel-stripe-emulator",
        },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(payload);
  });
}
