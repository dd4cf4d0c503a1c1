import type Stripe from "stripe";
import type { ScopedDb } from "@/lib/db/tenant";
import type { EventSubject } from "../types";
import { idOf } from "../types";

export function invoiceSubject(invoice: Stripe.Invoice): EventSubject {
  return {
    customerId: idOf(invoice.customer),
    subscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    organizationId: null,
  };
}

// BillingEvent is the record revenue metrics are built from.
export async function recordInvoice(
  tx: ScopedDb,
  input: {
    organizationId: string;
    event: Stripe.Event;
    invoice: Stripe.Invoice;
    amount: number;
    occurredAt: Date;
  },
): Promise<void> {
  await tx.billingEvent.create({
    data: {
      organizationId: input.organizationId,
      type: input.event.type,
      stripeEventId: input.event.id,
      amount: input.amount,
      currency: input.invoice.currency,
      data: { invoice: input.invoice.id ?? null, number: input.invoice.number ?? null },
      occurredAt: input.occurredAt,
    },
  });
}
