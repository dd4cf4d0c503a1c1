import { Section } from "@/components/ui/section";
import type { BillingOverview } from "@/lib/billing/subscription/overview";
import { Callout } from "@/components/ui/callout";
import type { PlanChoice } from "@/lib/billing/plans/plan-choice";
import { formatAmount, paidPlans, planOf } from "@/lib/billing/plans/plans";
import { checkoutForm } from "../actions";
import { PlanCheckoutCard } from "./plan-checkout-card";

/** The paid plans, each with its way into Stripe Checkout. One trial per organization. */
export function UpgradeSection({
  overview,
  chosen,
}: {
  overview: BillingOverview;
  /** Picked on the pricing page before sign-up: shown first, its interval selected. */
  chosen?: PlanChoice | null;
}) {
  return (
    <Section id="upgrade" title="Upgrade">
      {chosen ? (
        <Callout tone="neutral">
          You picked {planOf(chosen.plan).name}, billed{" "}
          {chosen.interval === "year" ? "yearly" : "monthly"}. One click below opens checkout.
        </Callout>
      ) : null}
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
              chosenInterval={chosen?.plan === p.id ? chosen.interval : undefined}
            />
          ) : null,
        )}
      </div>
    </Section>
  );
}
