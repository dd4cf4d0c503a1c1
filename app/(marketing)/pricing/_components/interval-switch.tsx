import { billingIntervals } from "@/lib/billing/plans/plans";

const intervalLabels = { month: "Monthly", year: "Yearly (2 months free)" } as const;

/**
 * The monthly/yearly switch: a pair of radios, so the static page needs no JavaScript to switch.
 * Prices follow it through CSS (`PlanPrice`), inside the page's `group/pricing`.
 */
export function IntervalSwitch() {
  return (
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
  );
}
