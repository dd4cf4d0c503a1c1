// Gross margin is a property of the business, not of the event log: change it here.
export const metricsConfig = {
  grossMargin: 0.8,
  currentMonthMaxAgeMs: 24 * 60 * 60 * 1000,
  // Well above the measured time at 10,000 organizations, so only a database in trouble reaches
  // it; runs in a job or a staff action, never in a page view.
  monthComputeTimeoutMs: 60_000,
} as const;
