import { enqueueEmail } from "@/lib/outbox/enqueue";
import { formatAmount } from "@/lib/billing/plans/plans";
import type { EventHandler } from "../types";
import { invoiceSubject, recordInvoice } from "./invoice";

export const invoicePaymentActionRequired: EventHandler<"invoice.payment_action_required"> = {
  subject: (event) => invoiceSubject(event.data.object),
  apply: async ({ tx, event, organization, occurredAt, mailBillingContacts }) => {
    const invoice = event.data.object;
    await recordInvoice(tx, {
      organizationId: organization.id,
      event,
      invoice,
      amount: invoice.amount_due,
      occurredAt,
    });
    const hosted = invoice.hosted_invoice_url;
    if (!hosted) return;
    await mailBillingContacts((to) =>
      enqueueEmail(tx, {
        to,
        template: "paymentActionRequired",
        data: {
          organizationName: organization.name,
          amount: formatAmount(invoice.amount_due, invoice.currency),
          url: hosted,
        },
        dedupeKey: `${event.id}:${to}`,
      }),
    );
  },
};
