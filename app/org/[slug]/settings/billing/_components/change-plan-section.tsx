import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Section } from "@/components/ui/section";
import { subscriptionInterval, type BillingOverview } from "@/lib/billing/subscription/overview";
import { paidPlans } from "@/lib/billing/plans/plans";
import { cancelForm, changePlanForm, resumeForm } from "../actions";
import { ChangePlanForm } from "./change-plan-form";

const intervals = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Yearly" },
];

/** Plan change with a preview, and cancel or resume at period end. */
export async function ChangePlanSection({ overview }: { overview: BillingOverview }) {
  const interval = await subscriptionInterval(overview);
  return (
    <Section id="change" title="Change plan">
      <ChangePlanForm
        action={changePlanForm}
        plans={paidPlans.map((p) => ({ value: p.id, label: p.name }))}
        intervals={intervals}
        current={{ plan: overview.subscribedPlan.id, interval: interval ?? "month" }}
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
    </Section>
  );
}
