import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { rereadForm } from "../actions";
import { day, Fact, Facts, moment, reasonField } from "./facts";

/** The plan in effect, the subscription as stored, and the re-read from Stripe. */
export function SubscriptionSection({
  detail,
  confirmIdentity,
}: {
  detail: OrganizationDetail;
  confirmIdentity: ReactNode;
}) {
  const { organization: org, subscription: sub, plan } = detail;
  return (
    <Section id="subscription" title="Plan and subscription">
      <Facts>
        <Fact label="Plan in effect">{detail.complimentary ?? plan.name}</Fact>
        <Fact label="Paid plan">{detail.paidPlan.name}</Fact>
        <Fact label="Seats allowed">
          {plan.entitlements.seats}
          {org.seatLimit !== null ? " (raised by staff)" : ""}
        </Fact>
        <Fact label="Projects allowed">
          {plan.entitlements.projects ?? "Unlimited"} ({org.projects} used)
          {org.projectLimit !== null ? " (raised by staff)" : ""}
        </Fact>
        <Fact label="Status (stored)">{sub?.status ?? "FREE"}</Fact>
        <Fact label="Plan (stored)">{sub?.plan ?? "free"}</Fact>
        <Fact label="Billed seats">{sub?.seats ?? 0}</Fact>
        <Fact label="Stripe customer">{sub?.stripeCustomerId ?? "—"}</Fact>
        <Fact label="Stripe subscription">{sub?.stripeSubscriptionId ?? "—"}</Fact>
        <Fact label="Price">{sub?.stripePriceId ?? "—"}</Fact>
        <Fact label="Period ends">
          {sub?.currentPeriodEnd ? day.format(sub.currentPeriodEnd) : "—"}
          {sub?.cancelAtPeriodEnd ? " (cancels)" : ""}
        </Fact>
        <Fact label="Last heard from Stripe">
          {sub?.stripeUpdatedAt ? moment.format(sub.stripeUpdatedAt) : "never"}
        </Fact>
      </Facts>
      <Muted>
        Re-reading asks Stripe for this subscription now and applies it like a webhook would, so a
        row that drifted from Stripe is corrected.
      </Muted>
      <ActionForm
        action={rereadForm}
        hidden={{ organizationId: org.id }}
        fields={[reasonField]}
        submitLabel="Re-read from Stripe"
        pendingLabel="Asking Stripe…"
        submitVariant="secondary"
        reauthenticate={confirmIdentity}
      />
    </Section>
  );
}
