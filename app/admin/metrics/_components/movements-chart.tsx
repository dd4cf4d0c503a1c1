import type { MonthMetrics } from "@/lib/metrics/derive";
import type { Movement } from "@/lib/metrics/facts";
import { formatValue } from "@/lib/metrics/series";
import {
  chart,
  ChartFigure,
  monthLabels,
  niceCeiling,
  plotWidth,
  SeriesTable,
  slotX,
  yScale,
} from "./chart";

const parts: readonly { key: Movement; label: string; sign: 1 | -1; className: string }[] = [
  { key: "new", label: "New", sign: 1, className: "fill-emerald-500 bg-emerald-500" },
  { key: "reactivation", label: "Reactivation", sign: 1, className: "fill-teal-400 bg-teal-400" },
  { key: "expansion", label: "Expansion", sign: 1, className: "fill-sky-500 bg-sky-500" },
  { key: "contraction", label: "Contraction", sign: -1, className: "fill-amber-500 bg-amber-500" },
  { key: "churned", label: "Churned", sign: -1, className: "fill-red-500 bg-red-500" },
];

/** Each month's MRR movements stacked: gains above the line, losses below. */
export function MovementsChart({ months }: { months: readonly MonthMetrics[] }) {
  const up = Math.max(
    ...months.map((m) => m.movements.new + m.movements.reactivation + m.movements.expansion),
  );
  const down = Math.max(...months.map((m) => m.movements.contraction + m.movements.churned));
  const top = niceCeiling(up);
  const bottom = down > 0 ? niceCeiling(down) : 0;
  const y = yScale(-bottom, top);
  const barWidth = Math.max(4, (plotWidth / months.length) * 0.6);
  const money = (value: number) => formatValue("money", value);
  return (
    <ChartFigure
      title="MRR movements"
      summary="new, reactivation and expansion above zero; contraction and churn below, per month"
      legend={parts.map(({ label, className }) => ({ label, className }))}
      ticks={[top, 0, ...(bottom ? [-bottom] : [])].map((value) => ({
        y: y(value),
        label: money(value),
      }))}
      labels={monthLabels(months.map((m) => m.month))}
      table={
        <SeriesTable
          caption="MRR movements by month"
          columns={["Month", ...parts.map((p) => p.label), "Net"]}
          rows={months.map((m) => [
            m.month,
            ...parts.map((p) => money(p.sign * m.movements[p.key])),
            money(m.mrr - m.startMrr),
          ])}
        />
      }
    >
      {months.map((m, i) => {
        let above = 0;
        let below = 0;
        const x = slotX(i, months.length) - barWidth / 2;
        return (
          <g key={m.month}>
            {parts.map((part) => {
              const value = m.movements[part.key];
              if (value === 0) return null;
              const from = part.sign > 0 ? above : below;
              const to = from + part.sign * value;
              if (part.sign > 0) above = to;
              else below = to;
              return (
                <rect
                  key={part.key}
                  x={x}
                  width={barWidth}
                  y={Math.min(y(from), y(to))}
                  height={Math.abs(y(from) - y(to))}
                  className={part.className}
                />
              );
            })}
          </g>
        );
      })}
      <line
        x1={chart.left}
        x2={chart.width - chart.right}
        y1={y(0)}
        y2={y(0)}
        className="stroke-zinc-500"
      />
    </ChartFigure>
  );
}
