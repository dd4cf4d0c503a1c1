import { billingIntervals, formatAmount, type Plan } from "@/lib/billing/plans/plans";

// Shown while the yearly radio is checked, and hidden then: plain CSS (IntervalSwitch).
const whenYearly = "hidden group-has-[#interval-year:checked]/pricing:inline";
const whenMonthly = "group-has-[#interval-year:checked]/pricing:hidden";

/** A plan's name, tagline and price per seat in both intervals, one of them shown. */
export function PlanHead({ plan }: { plan: Plan }) {
  return (
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
}

/** What the plan includes, its trial last. */
export function PlanHighlights({ plan }: { plan: Plan }) {
  return (
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
