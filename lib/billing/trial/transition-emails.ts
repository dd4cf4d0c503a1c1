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

// Where a trial ends without payment: canceled or paused by Stripe, past due, or never completed.
const unpaidEnds: readonly SubscriptionStatus[] = [
  "PAST_DUE",
  "CANCELED",
  "INCOMPLETE_EXPIRED",
  "PAUSED",
];

// Queued by whichever path records the change first (webhook, checkout return, reconcile); dedupe
// keys name the subscription, so each email goes once even if the transition is seen twice.
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

// A paid invoice means the trial converted, whatever order that moment's events arrive in.
async function paidSince(tx: ScopedDb, organizationId: string): Promise<boolean> {
  const paid = await tx.billingEvent.count({
    where: { ...inOrganization(organizationId), type: "invoice.paid", amount: { gt: 0 } },
  });
  return paid > 0;
}
