import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ChangePlanForm } from "./_components/change-plan-form";
import { PlanCheckoutCard } from "@/components/billing/plan-checkout-card";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { SettingsSection } from "@/components/org/settings-section";
import { applyReturningCheckout } from "@/lib/billing/manage/checkout-return";
import {
  billingOverview,
  recentInvoices,
  subscriptionInterval,
} from "@/lib/billing/subscription/overview";
import { formatAmount, paidPlans } from "@/lib/billing/plans/plans";
import { requireMember } from "@/lib/tenancy/current-member";
import { cancelForm, changePlanForm, checkoutForm, portalForm, resumeForm } from "./actions";
import { Callout } from "@/components/ui/callout";

export const metadata: Metadata = { title: "Billing" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

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

type BillingPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organization's plan, its status and seats, invoices, and how to change them. */
export default async function BillingPage({ searchParams }: BillingPageProps) {
  const member = await requireMember("billing:manage");
  const organizationId = member.organization.id;
  const query = await searchParams;
  if (query.checkout === "success" && typeof query.session_id === "string") {
    await applyReturningCheckout(organizationId, query.session_id);
  }
  const [overview, invoices] = await Promise.all([
    billingOverview(organizationId),
    recentInvoices(organizationId),
  ]);
  const { plan, seats } = overview;
  const interval = overview.hasSubscription ? await subscriptionInterval(overview) : null;

  return (
    <div className="grid max-w-3xl gap-8">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        Billing
      </h1>

      {query.checkout === "success" ? (
        <Callout tone="success">
          Thank you! Your {overview.subscribedPlan.name} subscription is set up.
        </Callout>
      ) : null}
      {query.checkout === "canceled" ? (
        <Callout tone="neutral">Checkout was canceled. Nothing was charged.</Callout>
      ) : null}
      {!overview.billingEnabled ? (
        <Callout tone="warning">
          Billing is not configured on this server (no Stripe key). Every organization stays on
          Free.
        </Callout>
      ) : null}

      <SettingsSection id="plan" title="Current plan">
        <dl className="grid gap-4 sm:grid-cols-3" data-testid="billing-summary">
          <Fact label="Plan">
            {overview.hasSubscription ? overview.subscribedPlan.name : plan.name}
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
          {overview.hasSubscription ? (
            <Fact label="Billed seats">{overview.billedSeats}</Fact>
          ) : null}
        </dl>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {seats.members} {seats.members === 1 ? "member" : "members"}
          {seats.invitations > 0
            ? ` and ${seats.invitations} pending invitation${seats.invitations === 1 ? "" : "s"}`
            : ""}
          . Paid plans are billed per member; adding or removing people adjusts the next invoice.
        </p>
        {overview.pastDue ? (
          <Callout tone="error">
            {overview.readOnly
              ? "The last payment failed and the grace period is over: the organization is read-only until the invoice is paid."
              : `The last payment failed. Update the payment method${overview.readOnlyFrom ? ` before ${date.format(overview.readOnlyFrom)}, when the organization becomes read-only` : ""}.`}
          </Callout>
        ) : null}
        {overview.hasCustomer ? (
          <StatusButtonForm
            action={portalForm}
            label="Payment methods and invoices"
            pendingLabel="Opening…"
          />
        ) : null}
      </SettingsSection>

      {overview.billingEnabled && !overview.hasSubscription ? (
        <SettingsSection id="upgrade" title="Upgrade">
          <div className="grid gap-4 sm:grid-cols-2">
            {paidPlans.map((p) =>
              p.prices ? (
                <PlanCheckoutCard
                  key={p.id}
                  action={checkoutForm}
                  plan={p.id}
                  name={p.name}
                  tagline={p.tagline}
                  highlights={p.highlights}
                  prices={{
                    month: formatAmount(p.prices.month.amount),
                    year: formatAmount(p.prices.year.amount),
                  }}
                  trialDays={overview.trialEndsAt ? 0 : p.trialDays}
                />
              ) : null,
            )}
          </div>
        </SettingsSection>
      ) : null}

      {overview.hasSubscription ? (
        <SettingsSection id="change" title="Change plan">
          <ChangePlanForm
            action={changePlanForm}
            plans={paidPlans.map((p) => ({ value: p.id, label: p.name }))}
            intervals={[
              { value: "month", label: "Monthly" },
              { value: "year", label: "Yearly" },
            ]}
            current={{
              plan: overview.subscribedPlan.id,
              interval: interval ?? "month",
            }}
          />
          {overview.cancelAtPeriodEnd ? (
            <StatusButtonForm
              action={resumeForm}
              label="Resume subscription"
              pendingLabel="Resuming…"
            />
          ) : (
            <StatusButtonForm
              action={cancelForm}
              label="Cancel at period end"
              pendingLabel="Canceling…"
              confirmMessage="Cancel the subscription at the end of the current period? The organization then moves to Free limits; no data is deleted."
            />
          )}
        </SettingsSection>
      ) : null}

      <SettingsSection id="invoices" title="Recent invoices">
        {invoices === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Invoices could not be loaded from Stripe right now. Try again in a minute.
          </p>
        ) : invoices.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No invoices yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-2 font-medium">
                  Date
                </th>
                <th scope="col" className="py-2 font-medium">
                  Number
                </th>
                <th scope="col" className="py-2 font-medium">
                  Amount
                </th>
                <th scope="col" className="py-2 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((invoice) => (
                <tr key={invoice.id} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-2">{date.format(invoice.date)}</td>
                  <td className="py-2">
                    {invoice.url ? (
                      <a href={invoice.url} className="underline underline-offset-2">
                        {invoice.number ?? invoice.id}
                      </a>
                    ) : (
                      (invoice.number ?? invoice.id)
                    )}
                  </td>
                  <td className="py-2 tabular-nums">
                    {formatAmount(invoice.amount, invoice.currency)}
                  </td>
                  <td className="py-2 capitalize">{invoice.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SettingsSection>
    </div>
  );
}
