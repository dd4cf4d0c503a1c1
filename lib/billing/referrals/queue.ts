import "server-only";

import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { ScopedDb } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";

// In the paid invoice's webhook transaction. `referredOrganizationId` is unique, so a duplicate or
// concurrent delivery, or any later payment, inserts nothing and queues nothing.
export async function queueReferralCredit(
  tx: ScopedDb,
  organizationId: string,
  invoice: Stripe.Invoice,
): Promise<void> {
  if (invoice.amount_paid <= 0 || env.REFERRAL_CREDIT_CENTS <= 0 || !invoice.id) return;
  const organization = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { referredByUserId: true },
  });
  if (!organization?.referredByUserId) return;
  const id = randomUUID();
  const { count } = await tx.referralCredit.createMany({
    data: [
      {
        id,
        referredOrganizationId: organizationId,
        referrerId: organization.referredByUserId,
        stripeInvoiceId: invoice.id,
        amount: env.REFERRAL_CREDIT_CENTS,
        currency: invoice.currency,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) await enqueueJob(tx, "referral-credit", { referralCreditId: id });
}
