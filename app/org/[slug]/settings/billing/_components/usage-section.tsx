import { Muted, Section } from "@/components/ui/section";
import { formatAmount } from "@/lib/billing/plans/plans";
import type { UsageSummary } from "@/lib/usage/summary";

const number = new Intl.NumberFormat("en-US");

/** This month's API calls against what the plan includes, and what the overage would cost. */
export function UsageSection({ usage }: { usage: UsageSummary }) {
  const { calls, includedCalls, overagePer1000, overageUnits, projectedOverage } = usage;
  const percent = includedCalls > 0 ? Math.min(100, Math.round((calls * 100) / includedCalls)) : 0;
  return (
    <Section id="usage" title="API usage this month">
      <p className="tabular-nums">
        {number.format(calls)} of {number.format(includedCalls)} included calls
      </p>
      {includedCalls > 0 ? (
        <div
          role="progressbar"
          aria-label="Included API calls used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className={percent >= 100 ? "h-full bg-red-600" : "h-full bg-zinc-900 dark:bg-zinc-100"}
            style={{ width: `${percent}%` }}
          />
        </div>
      ) : null}
      {overagePer1000 === null ? (
        <Muted>This plan includes no API calls beyond the amount above.</Muted>
      ) : (
        <Muted>
          Projected overage: {formatAmount(projectedOverage)} ({number.format(overageUnits)} ×{" "}
          {formatAmount(overagePer1000)} per started 1,000 calls). Calls of the last two minutes are
          counted after the next flush.
        </Muted>
      )}
    </Section>
  );
}
