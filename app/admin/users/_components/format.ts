const dateTime = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Console times are UTC, so two staff members in different places read the same value. */
export function formatDateTime(value: Date | null, never = "Never"): string {
  return value ? `${dateTime.format(value)} UTC` : never;
}

export function formatDate(value: Date): string {
  return dateOnly.format(value);
}
