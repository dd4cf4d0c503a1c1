import { queueReferralCredit } from "../../referrals/queue";
import type { EventHandler } from "../types";
import { invoiceSubject, recordInvoice } from "./invoice";

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
    // The first invoice that took money may earn the organization's referrer a credit, once.
    await queueReferralCredit(tx, organization.id, invoice);
  },
};
