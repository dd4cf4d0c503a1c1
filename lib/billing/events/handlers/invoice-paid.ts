import type { EventHandler } from "../types";
import { invoiceSubject, recordInvoice } from "./invoice";

/**
 * A payment went through. The re-read subscription (active again after a failure)
 * clears the overdue state; this records the payment in the invoice history.
 */
export const invoicePaid: EventHandler<"invoice.paid"> = {
  subject: (event) => invoiceSubject(event.data.object),
  apply: async ({ tx, event, organization, occurredAt }) => {
    const invoice = event.data.object;
    await recordInvoice(tx, {
      organizationId: organization.id,
      event,
      invoice,
      amount: invoice.amount_paid,
      occurredAt,
    });
  },
};
