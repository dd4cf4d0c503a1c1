import { brand } from "@/brand.config";
import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { planIds, plans } from "@/lib/billing/plans/plans";
import { IntervalSwitch } from "./_components/interval-switch";
import { PlanHead, PlanHighlights } from "./_components/plan-head";
import { IntervalFromAddress, PlanCard } from "./_components/viewer-plans";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Free for small teams; Pro and Business per seat, monthly or yearly, with a 14-day trial.",
};

// Dedicated databases are set up by hand (README, "Moving an organization"): a conversation, not
// a checkout. The address is brand.config.ts's salesEmail.
const enterpriseContact =
  `mailto:${brand.salesEmail}?subject=` + encodeURIComponent("Enterprise: a dedicated database");

/**
 * Generated from lib/billing/plans/plans.ts: change a plan there and this page follows. The same
 * page for everyone, so it is built once: the monthly/yearly switch is a pair of radios
 * styled in CSS, and a signed-in owner's plans are marked in the browser (PlanCard).
 */
export default function PricingPage() {
  return (
    <div className="group/pricing mx-auto grid w-full max-w-6xl gap-10 px-5 py-14 sm:px-6 lg:px-8">
      <header className="grid gap-3 text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Pricing
        </h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Start free. Paid plans are priced per seat, with a 14-day trial: the card you add at
          checkout is charged only when the trial ends.
        </p>
        <IntervalSwitch />
        <IntervalFromAddress />
      </header>

      <ul className="grid gap-6 md:grid-cols-3">
        {planIds.map((id) => {
          const plan = plans[id];
          return (
            <PlanCard
              key={id}
              plan={{ id, name: plan.name, paid: plan.prices !== null, trialDays: plan.trialDays }}
              signUpHref="/sign-up"
              head={<PlanHead plan={plan} />}
            >
              <PlanHighlights plan={plan} />
            </PlanCard>
          );
        })}
      </ul>

      <section
        aria-labelledby="enterprise"
        className="grid gap-4 rounded-xl border border-zinc-200 p-6 sm:grid-cols-[1fr_auto] sm:items-center dark:border-zinc-800"
      >
        <div className="grid gap-1">
          <h2 id="enterprise" className="text-xl font-semibold text-zinc-950 dark:text-white">
            Enterprise: a dedicated database
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Your organization’s projects and audit log in a database of its own, moved there without
            downtime. Everything in Business, priced with you.
          </p>
        </div>
        <Button href={enterpriseContact} variant="secondary">
          Contact us
        </Button>
      </section>
    </div>
  );
}
