// Configuration of the derived unit economics (docs/operator-console/metrics.md). Gross margin is
// a property of the business, not of the event log: change it here.
export const metricsConfig = {
  /** Share of revenue left after the cost of serving it; LTV and CAC payback use it. */
  grossMargin: 0.8,
  /** The current month's snapshot is recomputed on a page view once it is older than this. */
  currentMonthMaxAgeMs: 24 * 60 * 60 * 1000,
} as const;
