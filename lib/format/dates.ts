// Built once per process: `Date#toLocaleDateString` with options builds a new Intl formatter on
// every call, which was a tenth of the projects page's server time (20 rows, a date each).
// Dates read in UTC, as on the audit, member and billing pages.

/** "Dec 1, 2026" */
export const mediumDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "Dec 1, 2026, 3:04 PM" */
export const mediumDateTime = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
