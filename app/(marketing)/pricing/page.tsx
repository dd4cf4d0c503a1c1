import { brand } from "@/brand.config";
import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { billingIntervals, formatAmount, planIds, plans } from "@/lib/billing/plans/plans";
import { IntervalFromAddress, PlanCard } from "./_components/viewer-plans";

export const metadata: Metadata = {
  title: "Pricing",
  description:
    "Free for small teams; Pro and Business per seat, monthly or yearly, with a 14-day trial.",
};

const intervalLabels = { month: "Monthly", year: "Yearly (2 months free)" } as const;
// Shown while the yearly radio is checked, and hidden then: plain CSS, so no JavaScript needed.
const whenYearly = "hidden group-has-[#interval-year:checked]/pricing:inline";
const whenMonthly = "group-has-[#interval-year:checked]/pricing:hidden";

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
        <fieldset className="mx-auto mt-2 inline-flex rounded-lg border border-zinc-200 p-1 dark:border-zinc-800">
          <legend className="sr-only">Billing interval</legend>
          {billingIntervals.map((value) => (
            <label
              key={value}
              className="cursor-pointer rounded-md px-4 py-1.5 text-sm font-medium text-zinc-700 hover:text-zinc-950 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-brand-600 dark:text-zinc-300 dark:hover:text-white dark:has-checked:bg-white dark:has-checked:text-zinc-900"
            >
              <input
                type="radio"
                name="interval"
                id={`interval-${value}`}
                value={value}
                defaultChecked={value === "month"}
                className="sr-only"
              />
              {intervalLabels[value]}
            </label>
          ))}
        </fieldset>
        <IntervalFromAddress />
      </header>

      <ul className="grid gap-6 md:grid-cols-3">
        {planIds.map((id) => {
          const plan = plans[id];
          const head = (
            <>
              <div className="grid gap-1">
                <h2 className="text-xl font-semibold text-zinc-950 dark:text-white">{plan.name}</h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{plan.tagline}</p>
              </div>
              <p className="text-3xl font-semibold text-zinc-950 dark:text-white">
                {plan.prices ? (
                  billingIntervals.map((interval) => (
                    <span key={interval} className={interval === "year" ? whenYearly : whenMonthly}>
                      {formatAmount(plan.prices![interval].amount)}
                      <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
                        {` per seat / ${interval}`}
                      </span>
                    </span>
                  ))
                ) : (
                  <>
                    $0
                    <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
                      {" forever"}
                    </span>
                  </>
                )}
              </p>
            </>
          );
          return (
            <PlanCard
              key={id}
              plan={{ id, name: plan.name, paid: plan.prices !== null, trialDays: plan.trialDays }}
              signUpHref="/sign-up"
              head={head}
            >
              <ul className="grid gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                {plan.highlights.map((h) => (
                  <li key={h}>
                    <Included /> {h}
                  </li>
                ))}
                {plan.trialDays > 0 ? (
                  <li>
                    <Included /> {plan.trialDays}-day free trial
                  </li>
                ) : null}
              </ul>
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

// The tick is decoration; screen readers hear the word instead.
function Included() {
  return (
    <>
      <span aria-hidden="true">✓</span>
      <span className="sr-only">Included:</span>
    </>
  );
}
