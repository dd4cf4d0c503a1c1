import { Section } from "@/components/ui/section";
import type { BillingOverview } from "@/lib/billing/subscription/overview";
import { formatAmount, paidPlans } from "@/lib/billing/plans/plans";
import { checkoutForm } from "../actions";
import { PlanCheckoutCard } from "./plan-checkout-card";

/** The paid plans, each with its way into Stripe Checkout. One trial per organization. */
export function UpgradeSection({ overview }: { overview: BillingOverview }) {
  return (
    <Section id="upgrade" title="Upgrade">
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
    </Section>
  );
}
