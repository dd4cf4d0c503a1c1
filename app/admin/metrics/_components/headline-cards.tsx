import type { MonthMetrics } from "@/lib/metrics/derive";
import { formatValue, type SeriesKind } from "@/lib/metrics/series";
import { shortMonth } from "./chart";

type Card = { label: string; kind: SeriesKind; value: number | null; note: string };

/**
 * Levels (MRR, ARR, customers, ARPA) are the month so far; rates need a whole month, so they
 * come from the last closed one.
 */
export function HeadlineCards({
  current,
  closed,
}: {
  current: MonthMetrics;
  closed?: MonthMetrics;
}) {
  const now = "this month so far";
  const last = closed ? shortMonth(closed.month) : "no closed month";
  const cards: Card[] = [
    { label: "MRR", kind: "money", value: current.mrr, note: now },
    { label: "ARR", kind: "money", value: current.arr, note: "12 × MRR" },
    { label: "Paying customers", kind: "count", value: current.customers.paying, note: now },
    { label: "ARPA", kind: "money", value: current.arpa, note: "MRR ÷ paying customers" },
    {
      label: "Net revenue retention",
      kind: "percent",
      value: closed?.netRevenueRetention ?? null,
      note: last,
    },
    { label: "LTV", kind: "money", value: closed?.ltv ?? null, note: last },
    { label: "CAC", kind: "money", value: closed?.cac ?? null, note: last },
    { label: "CAC payback", kind: "months", value: closed?.cacPaybackMonths ?? null, note: last },
    { label: "LTV : CAC", kind: "ratio", value: closed?.ltvToCac ?? null, note: last },
    {
      label: "Complimentary",
      kind: "count",
      value: current.complimentary,
      note: "organizations, not revenue",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((card) => (
        <div
          key={card.label}
          className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{card.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-zinc-950 dark:text-white">
            {formatValue(card.kind, card.value)}
          </dd>
          <dd className="text-xs text-zinc-500 dark:text-zinc-400">{card.note}</dd>
        </div>
      ))}
    </dl>
  );
}
