import type { Metadata } from "next";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/ui/page-header";
import { memberBillingSnapshot } from "@/lib/billing/plans/member-snapshot";
import { parsePlanChoice } from "@/lib/billing/plans/plan-choice";
import { memberBillingOverview, recentInvoices } from "@/lib/billing/subscription/overview";
import { requireMember } from "@/lib/tenancy/current-member";
import { usageSummary } from "@/lib/usage/summary";
import { ChangePlanSection } from "./_components/change-plan-section";
import { InvoicesSection } from "./_components/invoices-section";
import { PlanSummary } from "./_components/plan-summary";
import { UpgradeSection } from "./_components/upgrade-section";
import { UsageSection } from "./_components/usage-section";

export const metadata: Metadata = { title: "Billing" };

type BillingPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The organization's plan, its status and seats, invoices, and how to change them. It only
 * reads: the return from Checkout is applied by ./checkout-return before it lands here.
 */
export default async function BillingPage({ searchParams }: BillingPageProps) {
  const member = await requireMember("billing:manage");
  const organizationId = member.organization.id;
  const [query, overview, invoices, usage] = await Promise.all([
    searchParams,
    // All in the request's one transaction (the layout's), read one after another; the overview
    // and the usage reuse the layout's billing snapshot.
    memberBillingOverview(member),
    recentInvoices(organizationId, { read: member.read }),
    usageSummary(organizationId, { read: member.read, snapshot: memberBillingSnapshot(member) }),
  ]);

  return (
    <div className="grid max-w-3xl gap-8">
      <PageHeader title="Billing" />
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
      <PlanSummary overview={overview} />
      {overview.billingEnabled && !overview.hasSubscription ? (
        <UpgradeSection overview={overview} chosen={parsePlanChoice(query)} />
      ) : null}
      {overview.hasSubscription ? <ChangePlanSection overview={overview} /> : null}
      <UsageSection usage={usage} />
      <InvoicesSection invoices={invoices} />
    </div>
  );
}
