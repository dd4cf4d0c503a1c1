import { inOrganization } from "@/lib/db/tenant";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { readOnlyFrom } from "@/lib/billing/plans/entitlements";
import { formatAmount } from "@/lib/billing/plans/plans";
import type { EventHandler } from "../types";
import { invoiceSubject, recordInvoice } from "./invoice";

// The re-read subscription is past due by now; the grace period started with the first failure.
export const invoicePaymentFailed: EventHandler<"invoice.payment_failed"> = {
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
    const row = await tx.subscription.findFirst({
      where: inOrganization(organization.id),
      select: { status: true, plan: true, pastDueSince: true },
    });
    await mailBillingContacts((to) =>
      enqueueEmail(tx, {
        to,
        template: "paymentFailed",
        data: {
          organizationName: organization.name,
          amount: formatAmount(invoice.amount_due, invoice.currency),
          readOnlyFrom: row ? readOnlyFrom(row) : null,
          url: organizationUrl(organization.slug, "/settings/billing"),
        },
        dedupeKey: `${event.id}:${to}`,
      }),
    );
  },
};
