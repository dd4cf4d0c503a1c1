import type { MonthMetrics } from "@/lib/metrics/derive";
import { formatValue } from "@/lib/metrics/series";
import { ChartFigure, monthLabels, SeriesTable, slotX, yScale } from "./chart";

const lines = [
  {
    label: "Logo churn",
    value: (m: MonthMetrics) => m.logoChurn,
    stroke: "stroke-red-500",
    className: "bg-red-500",
  },
  {
    label: "Gross revenue churn",
    value: (m: MonthMetrics) => m.grossRevenueChurn,
    stroke: "stroke-amber-500",
    className: "bg-amber-500",
  },
  {
    label: "Net revenue churn",
    value: (m: MonthMetrics) => m.netRevenueChurn,
    stroke: "stroke-sky-600",
    className: "bg-sky-600",
  },
] as const;

/** Churn rates per month; a month without paying customers at its start has no point. */
export function ChurnChart({ months }: { months: readonly MonthMetrics[] }) {
  const values = months.flatMap((m) => lines.map((line) => line.value(m) ?? 0));
  const top = Math.max(0.05, Math.ceil(Math.max(...values) * 20) / 20);
  const bottom = Math.min(0, Math.floor(Math.min(...values) * 20) / 20);
  const y = yScale(bottom, top);
  const percent = (value: number | null) => formatValue("percent", value);
  const last = months.at(-2);
  return (
    <ChartFigure
      title="Churn"
      summary={
        last
          ? `in ${last.month}, logo churn ${percent(last.logoChurn)}, gross revenue churn ${percent(last.grossRevenueChurn)}, net revenue churn ${percent(last.netRevenueChurn)}`
          : "no months"
      }
      legend={lines.map(({ label, className }) => ({ label, className }))}
      ticks={[...new Set([bottom, 0, top])].map((value) => ({
        y: y(value),
        label: percent(value),
      }))}
      labels={monthLabels(months.map((m) => m.month))}
      table={
        <SeriesTable
          caption="Churn by month"
          columns={["Month", ...lines.map((l) => l.label)]}
          rows={months.map((m) => [m.month, ...lines.map((l) => percent(l.value(m)))])}
        />
      }
    >
      {lines.map((line) => {
        // Gaps where a rate has no value, rather than a misleading zero.
        const segments: string[][] = [[]];
        months.forEach((m, i) => {
          const value = line.value(m);
          if (value === null) segments.push([]);
          else segments.at(-1)!.push(`${slotX(i, months.length)},${y(value)}`);
        });
        return segments
          .filter((points) => points.length > 0)
          .map((points) => (
            <polyline
              key={`${line.label}-${points[0]}`}
              points={points.join(" ")}
              fill="none"
              strokeWidth={2}
              className={line.stroke}
            />
          ));
      })}
    </ChartFigure>
  );
}
