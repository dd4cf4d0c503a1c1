import type { MonthMetrics } from "@/lib/metrics/derive";
import { formatValue } from "@/lib/metrics/series";
import { chart, ChartFigure, monthLabels, niceCeiling, SeriesTable, slotX, yScale } from "./chart";

/** MRR at the end of each month, as an area. */
export function MrrChart({ months }: { months: readonly MonthMetrics[] }) {
  const top = niceCeiling(Math.max(...months.map((m) => m.mrr)));
  const y = yScale(0, top);
  const points = months.map((m, i) => `${slotX(i, months.length)},${y(m.mrr)}`);
  const first = months[0];
  const last = months.at(-1);
  const money = (value: number) => formatValue("money", value);
  const area = `M${slotX(0, months.length)},${y(0)} L${points.join(" L")} L${slotX(months.length - 1, months.length)},${y(0)} Z`;
  return (
    <ChartFigure
      title="MRR over time"
      summary={
        first && last
          ? `from ${money(first.mrr)} in ${first.month} to ${money(last.mrr)} in ${last.month}`
          : "no months"
      }
      ticks={[0, top / 2, top].map((value) => ({ y: y(value), label: money(value) }))}
      labels={monthLabels(months.map((m) => m.month))}
      table={
        <SeriesTable
          caption="MRR by month"
          columns={["Month", "MRR"]}
          rows={months.map((m) => [m.month, money(m.mrr)])}
        />
      }
    >
      <path d={area} className="fill-emerald-500/15" />
      <polyline
        points={points.join(" ")}
        fill="none"
        className="stroke-emerald-600"
        strokeWidth={2}
      />
      {months.map((m, i) => (
        <circle
          key={m.month}
          cx={slotX(i, months.length)}
          cy={y(m.mrr)}
          r={2.5}
          className="fill-emerald-600"
        />
      ))}
      <line
        x1={chart.left}
        x2={chart.width - chart.right}
        y1={y(0)}
        y2={y(0)}
        className="stroke-zinc-400"
      />
    </ChartFigure>
  );
}
