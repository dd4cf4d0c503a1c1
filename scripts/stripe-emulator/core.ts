/**
 * The emulator's state plus the two things every mutation needs: persisting it and
 * recording (and queueing delivery of) the events it causes.
 */
import type Stripe from "stripe";
import { resourceMissing } from "./errors";
import { buildEvent, type EventOrigin, type EventSpec, WebhookQueue } from "./events";
import {
  emptyData,
  loadData,
  saveData,
  type CheckoutRecord,
  type EmulatorData,
  type EventRecord,
} from "./state";

export type CoreConfig = {
  publicUrl: string;
  webhookUrl: string | undefined;
  webhookSecret: string;
  stateFile: string | undefined;
  log: (line: string) => void;
};

/** Events raised by the emulator itself (renewals, control endpoints) have no request. */
export const NO_REQUEST: EventOrigin = { requestId: null, idempotencyKey: null };

export class EmulatorCore {
  readonly data: EmulatorData;
  readonly queue: WebhookQueue;

  constructor(readonly config: CoreConfig) {
    this.data = config.stateFile ? loadData(config.stateFile) : emptyData();
    this.queue = new WebhookQueue({
      url: config.webhookUrl,
      secret: config.webhookSecret,
      log: config.log,
      onRecordChange: () => this.save(),
    });
  }

  save(): void {
    if (this.config.stateFile) saveData(this.config.stateFile, this.data);
  }

  /**
   * Records an event and queues its delivery. The returned promise settles when the
   * delivery attempt is done; API handlers do not wait for it (Stripe sends webhooks
   * after answering), the hosted pages and test controls do.
   */
  emit(spec: EventSpec, origin: EventOrigin): Promise<void> {
    const record: EventRecord = {
      event: buildEvent(spec, origin, Boolean(this.config.webhookUrl)),
      delivery: "pending",
      attempts: 0,
      lastAttemptAt: null,
      lastStatus: null,
      lastError: null,
    };
    this.data.events.push(record);
    this.save();
    return this.queue.enqueue(record);
  }

  redeliver(id: string): Promise<EventRecord> {
    const record = this.eventRecord(id);
    return this.queue.enqueue(record).then(() => record);
  }

  eventRecord(id: string): EventRecord {
    const record = this.data.events.find((candidate) => candidate.event.id === id);
    if (!record) throw resourceMissing("event", id);
    return record;
  }

  customer(id: string, param = "customer"): Stripe.Customer {
    const found = this.data.customers[id];
    if (!found) throw resourceMissing("customer", id, param);
    return found;
  }

  product(id: string, param = "product"): Stripe.Product {
    const found = this.data.products[id];
    if (!found) throw resourceMissing("product", id, param);
    return found;
  }

  price(id: string, param = "price"): Stripe.Price {
    const found = this.data.prices[id];
    if (!found) throw resourceMissing("price", id, param);
    return found;
  }

  subscription(id: string, param = "subscription"): Stripe.Subscription {
    const found = this.data.subscriptions[id];
    if (!found) throw resourceMissing("subscription", id, param);
    return found;
  }

  invoice(id: string, param = "invoice"): Stripe.Invoice {
    const found = this.data.invoices[id];
    if (!found) throw resourceMissing("invoice", id, param);
    return found;
  }

  checkout(id: string): CheckoutRecord {
    const found = this.data.checkoutSessions[id];
    if (!found) throw resourceMissing("checkout.session", id, "session");
    return found;
  }

  portal(id: string): Stripe.BillingPortal.Session {
    const found = this.data.portalSessions[id];
    if (!found) throw resourceMissing("billing_portal.session", id, "session");
    return found;
  }

  /** `PREFIX-0001`, counting up per customer as Stripe's default numbering does. */
  nextInvoiceNumber(customer: Stripe.Customer): string {
    const sequence = customer.next_invoice_sequence ?? 1;
    customer.next_invoice_sequence = sequence + 1;
    return `${customer.invoice_prefix ?? "EMU"}-${String(sequence).padStart(4, "0")}`;
  }
}
