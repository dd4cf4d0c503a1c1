import { enqueueEmail } from "@/lib/outbox/enqueue";
import { organizationUrl } from "@/lib/tenancy/links";
import { planOf } from "@/lib/billing/plans/plans";
import { stateOf } from "@/lib/billing/subscription/state";
import type { EventHandler } from "../types";
import { subscriptionSubject } from "./subscription";

export const trialWillEnd: EventHandler<"customer.subscription.trial_will_end"> = {
  subject: (event) => subscriptionSubject(event.data.object),
  apply: async ({ subscription, organization, event, mailBillingContacts, tx }) => {
    const trialEnd = subscription?.trial_end;
    // Re-read first: a trial that already ended or was canceled needs no reminder.
    if (!subscription || subscription.status !== "trialing" || !trialEnd) return;
    const plan = planOf(stateOf(subscription).plan);
    await mailBillingContacts((to) =>
      enqueueEmail(tx, {
        to,
        template: "trialEnding",
        data: {
          organizationName: organization.name,
          planName: plan.name,
          trialEndsAt: new Date(trialEnd * 1000),
          url: organizationUrl(organization.slug, "/settings/billing"),
        },
        dedupeKey: `${event.id}:${to}`,
      }),
    );
  },
};
