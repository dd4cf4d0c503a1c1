import type { MonthFacts } from "./facts";

/** A zero denominator or missing input gives null. Money in cents; rates are fractions. */
export type MonthMetrics = MonthFacts & {
  arr: number;
  arpa: number | null;
  logoChurn: number | null;
  grossRevenueChurn: number | null;
  netRevenueChurn: number | null;
  netRevenueRetention: number | null;
  trialConversion: number | null;
  spend: number | null;
  ltv: number | null;
  cac: number | null;
  cacPaybackMonths: number | null;
  ltvToCac: number | null;
};

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

const round = (value: number | null, decimals: number): number | null => {
  if (value === null) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};

export function deriveMetrics(
  facts: MonthFacts,
  { spend, grossMargin }: { spend: number | null; grossMargin: number },
): MonthMetrics {
  const { startMrr, mrr, movements: m, customers } = facts;
  const arpa = ratio(mrr, customers.paying);
  const logoChurn = ratio(customers.churned, customers.atStart);
  const margin = arpa === null ? null : arpa * grossMargin;
  const ltv = margin === null || !logoChurn ? null : margin / logoChurn;
  const cac = spend === null ? null : ratio(spend, customers.new);
  const payback = cac === null || !margin ? null : cac / margin;
  const ltvToCac = ltv === null || !cac ? null : ltv / cac;
  return {
    ...facts,
    arr: mrr * 12,
    arpa: round(arpa, 0),
    logoChurn: round(logoChurn, 4),
    grossRevenueChurn: round(ratio(m.churned + m.contraction, startMrr), 4),
    netRevenueChurn: round(ratio(m.churned + m.contraction - m.expansion, startMrr), 4),
    netRevenueRetention: round(
      ratio(startMrr + m.expansion - m.contraction - m.churned, startMrr),
      4,
    ),
    trialConversion: round(ratio(facts.trials.converted, facts.trials.ended), 4),
    spend,
    ltv: round(ltv, 0),
    cac: round(cac, 0),
    cacPaybackMonths: round(payback, 2),
    ltvToCac: round(ltvToCac, 2),
  };
}
