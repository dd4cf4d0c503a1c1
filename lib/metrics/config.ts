// Configuration of the derived unit economics (docs/operator-console/metrics.md). Gross margin is
// a property of the business, not of the event log: change it here.
export const metricsConfig = {
  /** Share of revenue left after the cost of serving it; LTV and CAC payback use it. */
  grossMargin: 0.8,
  /** The current month's snapshot is refreshed (in the background) once it is older than this. */
  currentMonthMaxAgeMs: 24 * 60 * 60 * 1000,
  /**
   * The bound on one month's recomputation, which reads every organization's state twice: well
   * above its measured time at 10,000 organizations (docs/operator-console/metrics.md), so only a
   * database in trouble reaches it; it runs in a job or a staff action, never in a page view.
   */
  monthComputeTimeoutMs: 60_000,
} as const;
