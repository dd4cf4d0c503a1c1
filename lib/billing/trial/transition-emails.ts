import "server-only";

import { inOrganization, type ScopedDb } from "@/lib/db/tenant";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { planOf } from "../plans/plans";

type Row = {
  stripeSubscriptionId: string | null;
  status: SubscriptionStatus;
  plan: string;
  trialEndsAt: Date | null;
};

// Where a trial can go when it ends without a payment: Stripe cancels or pauses it (no payment
// method), or the first invoice fails (past due), or the first payment never completes.
const unpaidEnds: readonly SubscriptionStatus[] = [
  "PAST_DUE",
  "CANCELED",
  "INCOMPLETE_EXPIRED",
  "PAUSED",
];

/**
 * The trial emails, queued in the transaction that records the subscription's change, whichever
 * path records it first (webhook, checkout return, reconcile): "trial started" when a trialing
 * subscription is first recorded, "trial ended" when it leaves the trial for a status that means
 * no payment came. Dedupe keys name the subscription, so each is sent once per subscription even
 * if the transition were seen twice.
 */
export async function queueTrialTransitionEmails(
  tx: ScopedDb,
  organizationId: string,
  before: Row,
  after: Row,
  contacts: () => Promise<{ email: string | null }[]>,
): Promise<void> {
  const subscriptionId = after.stripeSubscriptionId;
  if (!subscriptionId) return;
  const sameSubscription = before.stripeSubscriptionId === subscriptionId;
  const started =
    after.status === "TRIALING" &&
    after.trialEndsAt !== null &&
    !(sameSubscription && before.status === "TRIALING");
  const ended =
    sameSubscription &&
    before.status === "TRIALING" &&
    unpaidEnds.includes(after.status) &&
    !(await paidSince(tx, organizationId));
  if (!started && !ended) return;

  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, slug: true },
  });
  const url = organizationUrl(organization.slug, "/settings/billing");
  for (const { email } of await contacts()) {
    if (!email) continue;
    if (started && after.trialEndsAt) {
      await enqueueEmail(tx, {
        to: email,
        template: "trialStarted",
        data: {
          organizationName: organization.name,
          planName: planOf(after.plan).name,
          trialEndsAt: after.trialEndsAt,
          url,
        },
        dedupeKey: `trial-started:${subscriptionId}:${email}`,
      });
    }
    if (ended) {
      await enqueueEmail(tx, {
        to: email,
        // The plan that was tried: a canceled subscription is recorded as Free.
        template: "trialEnded",
        data: { organizationName: organization.name, planName: planOf(before.plan).name, url },
        dedupeKey: `trial-ended:${subscriptionId}:${email}`,
      });
    }
  }
}

// One trial per organization, before any paid plan: a paid invoice means the trial converted,
// whatever order the events of that moment arrive in.
async function paidSince(tx: ScopedDb, organizationId: string): Promise<boolean> {
  const paid = await tx.billingEvent.count({
    where: { ...inOrganization(organizationId), type: "invoice.paid", amount: { gt: 0 } },
  });
  return paid > 0;
}
