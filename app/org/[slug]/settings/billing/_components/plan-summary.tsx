import type { ReactNode } from "react";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Callout } from "@/components/ui/callout";
import { Muted, Section } from "@/components/ui/section";
import { complimentaryLabel } from "@/lib/billing/plans/comp";
import type { BillingOverview } from "@/lib/billing/subscription/overview";
import { portalForm } from "../actions";
import { billingDate as date } from "./format";

const statusLabels: Record<string, string> = {
  FREE: "Free",
  TRIALING: "Trialing",
  ACTIVE: "Active",
  PAST_DUE: "Past due",
  UNPAID: "Unpaid",
  CANCELED: "Canceled",
  INCOMPLETE: "Incomplete",
  INCOMPLETE_EXPIRED: "Expired",
  PAUSED: "Paused",
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-base font-medium text-zinc-950 dark:text-white">{children}</dd>
    </div>
  );
}

function seatsSentence({ members, invitations }: BillingOverview["seats"]) {
  const people = `${members} ${members === 1 ? "member" : "members"}`;
  const pending =
    invitations > 0 ? ` and ${invitations} pending invitation${invitations === 1 ? "" : "s"}` : "";
  return `${people}${pending}. Paid plans are billed per seat: each member takes one, and adding or removing people adjusts the next invoice.`;
}

function pastDueMessage(overview: BillingOverview) {
  if (overview.readOnly) {
    return "The last payment failed and the grace period is over: the organization is read-only until the invoice is paid.";
  }
  const until = overview.readOnlyFrom
    ? ` before ${date.format(overview.readOnlyFrom)}, when the organization becomes read-only`
    : "";
  return `The last payment failed. Update the payment method${until}.`;
}

/** The "Current plan" section: plan, status, seats, dates, and the way to the portal. */
export function PlanSummary({ overview }: { overview: BillingOverview }) {
  const { seats } = overview;
  return (
    <Section id="plan" title="Current plan">
      <dl className="grid gap-4 sm:grid-cols-3" data-testid="billing-summary">
        <Fact label="Plan">
          {overview.hasSubscription ? overview.subscribedPlan.name : overview.plan.name}
        </Fact>
        <Fact label="Status">{statusLabels[overview.status] ?? overview.status}</Fact>
        <Fact label="Seats">
          {seats.members + seats.invitations} of {seats.allowed} used
        </Fact>
        {overview.status === "TRIALING" && overview.trialEndsAt ? (
          <Fact label="Trial ends">{date.format(overview.trialEndsAt)}</Fact>
        ) : null}
        {overview.hasSubscription && overview.currentPeriodEnd ? (
          <Fact label={overview.cancelAtPeriodEnd ? "Ends on" : "Renews on"}>
            {date.format(overview.currentPeriodEnd)}
          </Fact>
        ) : null}
        {overview.hasSubscription ? <Fact label="Billed seats">{overview.billedSeats}</Fact> : null}
      </dl>
      {overview.complimentary ? (
        <Callout tone="success">{complimentaryLabel(overview.complimentary)}</Callout>
      ) : null}
      <Muted>{seatsSentence(seats)}</Muted>
      {overview.pastDue ? <Callout tone="error">{pastDueMessage(overview)}</Callout> : null}
      {overview.hasCustomer ? (
        <StatusButtonForm
          action={portalForm}
          label="Payment methods and invoices"
          pendingLabel="Opening…"
        />
      ) : null}
    </Section>
  );
}
