import { currencyFormat, wholeNumber } from "@/lib/format/numbers";
import type { MonthMetrics } from "./derive";

export type SeriesKind = "money" | "percent" | "count" | "months" | "ratio";

export type Series = {
  key: string;
  label: string;
  kind: SeriesKind;
  value: (month: MonthMetrics) => number | null;
};

export const metricSeries: readonly Series[] = [
  { key: "mrr", label: "MRR", kind: "money", value: (m) => m.mrr },
  { key: "arr", label: "ARR", kind: "money", value: (m) => m.arr },
  { key: "start_mrr", label: "MRR at start", kind: "money", value: (m) => m.startMrr },
  { key: "new_mrr", label: "New", kind: "money", value: (m) => m.movements.new },
  {
    key: "reactivation_mrr",
    label: "Reactivation",
    kind: "money",
    value: (m) => m.movements.reactivation,
  },
  { key: "expansion_mrr", label: "Expansion", kind: "money", value: (m) => m.movements.expansion },
  {
    key: "contraction_mrr",
    label: "Contraction",
    kind: "money",
    value: (m) => -m.movements.contraction,
  },
  { key: "churned_mrr", label: "Churned", kind: "money", value: (m) => -m.movements.churned },
  {
    key: "paying_customers",
    label: "Paying customers",
    kind: "count",
    value: (m) => m.customers.paying,
  },
  { key: "new_customers", label: "New customers", kind: "count", value: (m) => m.customers.new },
  {
    key: "reactivated_customers",
    label: "Reactivated",
    kind: "count",
    value: (m) => m.customers.reactivated,
  },
  {
    key: "churned_customers",
    label: "Churned customers",
    kind: "count",
    value: (m) => m.customers.churned,
  },
  { key: "arpa", label: "ARPA", kind: "money", value: (m) => m.arpa },
  { key: "logo_churn", label: "Logo churn", kind: "percent", value: (m) => m.logoChurn },
  {
    key: "gross_revenue_churn",
    label: "Gross revenue churn",
    kind: "percent",
    value: (m) => m.grossRevenueChurn,
  },
  {
    key: "net_revenue_churn",
    label: "Net revenue churn",
    kind: "percent",
    value: (m) => m.netRevenueChurn,
  },
  {
    key: "net_revenue_retention",
    label: "NRR",
    kind: "percent",
    value: (m) => m.netRevenueRetention,
  },
  { key: "trials_ended", label: "Trials ended", kind: "count", value: (m) => m.trials.ended },
  {
    key: "trials_converted",
    label: "Trials converted",
    kind: "count",
    value: (m) => m.trials.converted,
  },
  {
    key: "trial_conversion",
    label: "Trial-to-paid",
    kind: "percent",
    value: (m) => m.trialConversion,
  },
  {
    key: "complimentary_orgs",
    label: "Complimentary",
    kind: "count",
    value: (m) => m.complimentary,
  },
  { key: "spend", label: "S&M spend", kind: "money", value: (m) => m.spend },
  { key: "ltv", label: "LTV", kind: "money", value: (m) => m.ltv },
  { key: "cac", label: "CAC", kind: "money", value: (m) => m.cac },
  {
    key: "cac_payback_months",
    label: "CAC payback (months)",
    kind: "months",
    value: (m) => m.cacPaybackMonths,
  },
  { key: "ltv_to_cac", label: "LTV:CAC", kind: "ratio", value: (m) => m.ltvToCac },
];

export function formatValue(kind: SeriesKind, value: number | null): string {
  if (value === null) return "—";
  switch (kind) {
    case "money":
      return currencyFormat("usd", 0, Math.abs(value) >= 100_000 ? 0 : 2).format(value / 100);
    case "percent":
      return `${(value * 100).toFixed(1)} %`;
    case "months":
      return `${value.toFixed(1)} mo`;
    case "ratio":
      return `${value.toFixed(2)}×`;
    case "count":
      return wholeNumber.format(value);
  }
}

function csvValue(kind: SeriesKind, value: number | null): string {
  if (value === null) return "";
  if (kind === "money") return (value / 100).toFixed(2);
  if (kind === "percent") return (value * 100).toFixed(2);
  return String(value);
}

export function metricsCsv(months: readonly MonthMetrics[]): string {
  const header = [
    "month",
    ...metricSeries.map((s) =>
      s.kind === "money" ? `${s.key}_usd` : s.kind === "percent" ? `${s.key}_pct` : s.key,
    ),
  ];
  const rows = months.map((m) => [
    m.month,
    ...metricSeries.map((s) => csvValue(s.kind, s.value(m))),
  ]);
  return [header, ...rows].map((row) => row.join(",")).join("\r\n") + "\r\n";
}
