import type { ReactNode } from "react";

export const chart = { width: 720, height: 240, left: 64, right: 12, top: 12, bottom: 28 } as const;

export const plotWidth = chart.width - chart.left - chart.right;
export const plotHeight = chart.height - chart.top - chart.bottom;

/** x of the centre of slot `index` of `count`. */
export const slotX = (index: number, count: number) =>
  chart.left + (plotWidth / count) * (index + 0.5);

/** A linear y scale over [min, max] (min <= 0 <= max not required). */
export function yScale(min: number, max: number) {
  const span = max - min || 1;
  return (value: number) => chart.top + plotHeight - ((value - min) / span) * plotHeight;
}

export type LegendItem = { label: string; className: string };

/**
 * A server-rendered chart: the SVG is an image with a text alternative, and the numbers it draws
 * are in a table for screen readers (and in the full table below the charts).
 */
export function ChartFigure({
  title,
  summary,
  legend,
  ticks,
  labels,
  children,
  table,
}: {
  title: string;
  summary: string;
  legend?: readonly LegendItem[];
  ticks: readonly { y: number; label: string }[];
  labels: readonly { x: number; label: string }[];
  children: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm font-medium text-zinc-950 dark:text-white">{title}</figcaption>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={`${title}: ${summary}`}
        className="h-auto w-full text-zinc-400"
      >
        {ticks.map((tick) => (
          <g key={tick.label}>
            <line
              x1={chart.left}
              x2={chart.width - chart.right}
              y1={tick.y}
              y2={tick.y}
              className="stroke-zinc-200 dark:stroke-zinc-800"
            />
            <text
              x={chart.left - 6}
              y={tick.y + 4}
              textAnchor="end"
              className="fill-current text-[11px]"
            >
              {tick.label}
            </text>
          </g>
        ))}
        {children}
        {labels.map((label) => (
          <text
            key={label.label}
            x={label.x}
            y={chart.height - 8}
            textAnchor="middle"
            className="fill-current text-[11px]"
          >
            {label.label}
          </text>
        ))}
      </svg>
      {legend ? (
        <ul className="flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              <span aria-hidden className={`inline-block size-2.5 rounded-sm ${item.className}`} />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="sr-only">{table}</div>
    </figure>
  );
}

/** Month labels every third month, e.g. "Nov 25". */
export function monthLabels(months: readonly string[]) {
  return months.flatMap((month, index) =>
    (months.length - 1 - index) % 3 === 0
      ? [{ x: slotX(index, months.length), label: shortMonth(month) }]
      : [],
  );
}

export function shortMonth(month: string): string {
  const [year, number] = month.split("-");
  const name = new Date(Date.UTC(Number(year), Number(number) - 1, 1)).toLocaleString("en-US", {
    month: "short",
    timeZone: "UTC",
  });
  return `${name} ${year?.slice(2)}`;
}

/** A small table of one chart's series, for readers who cannot see the chart. */
export function SeriesTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The smallest 1, 2 or 5 × 10^n at or above `value` (1 for nothing to show). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}
