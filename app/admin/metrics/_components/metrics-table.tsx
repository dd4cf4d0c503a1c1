import type { MonthMetrics } from "@/lib/metrics/derive";
import { formatValue, metricSeries } from "@/lib/metrics/series";

/** Every series for every month, newest first; "—" where a ratio has no denominator. */
export function MetricsTable({ months }: { months: readonly MonthMetrics[] }) {
  return (
    <div
      className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800"
      tabIndex={0}
    >
      <table className="w-full text-right text-xs tabular-nums">
        <caption className="sr-only">Unit economics by month</caption>
        <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th
              scope="col"
              className="sticky left-0 bg-zinc-50 px-3 py-2 text-left dark:bg-zinc-900"
            >
              Month
            </th>
            {metricSeries.map((series) => (
              <th key={series.key} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {[...months].reverse().map((month) => (
            <tr key={month.month}>
              <th
                scope="row"
                className="sticky left-0 bg-white px-3 py-2 text-left font-medium dark:bg-zinc-950"
              >
                {month.month}
              </th>
              {metricSeries.map((series) => (
                <td key={series.key} className="px-3 py-2 whitespace-nowrap">
                  {formatValue(series.kind, series.value(month))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
