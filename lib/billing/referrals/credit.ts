import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { creditRefusal } from "@/lib/referrals/rules";
import { logger } from "@/lib/observability/logger";
import { organizationUrl } from "@/lib/tenancy/links";
import { formatAmount } from "../plans/plans";
import { stripe } from "../stripe/client";
import { ensureCustomer } from "../stripe/customer";
import { gatherCreditFacts, type CreditedOrganization } from "./facts";

type PendingCredit = {
  id: string;
  referredOrganizationId: string;
  referrerId: string | null;
  amount: number;
  currency: string;
};

async function refuse(id: string, refusal: string): Promise<void> {
  await db.referralCredit.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "REFUSED", refusal },
  });
  logger.info({ referralCreditId: id, refusal }, "[referrals] credit refused");
}

// An earlier attempt's is found by its metadata, so a retry even days later never credits twice;
// the idempotency key covers attempts racing within Stripe's 24 hours.
async function balanceCredit(customerId: string, credit: PendingCredit, referredName: string) {
  const earlier = await stripe().customers.listBalanceTransactions(customerId, { limit: 100 });
  const found = earlier.data.find((entry) => entry.metadata?.referral_credit_id === credit.id);
  if (found) return found;
  return stripe().customers.createBalanceTransaction(
    customerId,
    {
      amount: -credit.amount,
      currency: credit.currency,
      description: `Referral credit: ${referredName} joined through your link`,
      metadata: {
        referral_credit_id: credit.id,
        referred_organization_id: credit.referredOrganizationId,
      },
    },
    { idempotencyKey: `keel-referral-credit-${credit.id}` },
  );
}

async function recordGranted(
  credit: PendingCredit,
  credited: CreditedOrganization,
  referredName: string,
  balanceTransactionId: string,
): Promise<string[]> {
  return withTenant(credited.id, async (tx) => {
    const { count } = await tx.referralCredit.updateMany({
      where: { id: credit.id, status: "PENDING" },
      data: {
        status: "CREDITED",
        creditedOrganizationId: credited.id,
        stripeBalanceTransactionId: balanceTransactionId,
        creditedAt: new Date(),
      },
    });
    if (count === 0) return [];
    const amount = formatAmount(credit.amount, credit.currency);
    await recordAudit(tx, {
      action: "billing.referral_credited",
      organizationId: credited.id,
      actorId: null,
      targetType: "organization",
      targetId: credit.referredOrganizationId,
      metadata: {
        referredOrganization: referredName,
        amount,
        cents: credit.amount,
        currency: credit.currency,
        referrerId: credit.referrerId,
        balanceTransaction: balanceTransactionId,
      },
    });
    const owners = await tx.membership.findMany({
      where: { ...inOrganization(credited.id), role: "OWNER" },
      select: { user: { select: { email: true } } },
    });
    const queued: string[] = [];
    for (const owner of owners) {
      queued.push(
        await enqueueEmail(tx, {
          to: owner.user.email,
          template: "referralCredited",
          data: {
            referredOrganizationName: referredName,
            creditedOrganizationName: credited.name,
            amount,
            billingUrl: organizationUrl(credited.slug, "/settings/billing"),
          },
          dedupeKey: `referral-credit:${credit.id}:${owner.user.email}`,
        }),
      );
    }
    return queued;
  });
}

/** A Stripe failure throws, so the job retries; every step is safe to repeat. */
export async function grantReferralCredit(referralCreditId: string): Promise<string[]> {
  const credit = await db.referralCredit.findUnique({ where: { id: referralCreditId } });
  if (!credit || credit.status !== "PENDING") return [];
  if (!credit.referrerId) {
    await refuse(credit.id, "no-organization");
    return [];
  }
  // An account an operator disabled (abuse, fraud) earns nothing, even from earlier referrals.
  const referrer = await db.user.findUnique({
    where: { id: credit.referrerId },
    select: { disabledAt: true },
  });
  if (!referrer || referrer.disabledAt) {
    await refuse(credit.id, "referrer-unavailable");
    return [];
  }
  const referred = await db.organization.findUnique({
    where: { id: credit.referredOrganizationId },
    select: { name: true },
  });
  if (!referred) {
    await refuse(credit.id, "referred-organization-deleted");
    return [];
  }
  const { facts, credited } = await gatherCreditFacts({
    referrerId: credit.referrerId,
    referredOrganizationId: credit.referredOrganizationId,
  });
  const refusal = creditRefusal(facts);
  if (refusal || !credited) {
    await refuse(credit.id, refusal ?? "no-organization");
    return [];
  }
  const customerId = await ensureCustomer(credited);
  // The customer was just created: check once more that it is not the referred one's.
  if (customerId === facts.referredCustomerId) {
    await refuse(credit.id, "self");
    return [];
  }
  const transaction = await balanceCredit(customerId, credit, referred.name);
  return recordGranted(credit, credited, referred.name, transaction.id);
}
