import { mediumDate as dateOnly, mediumDateTime as dateTime } from "@/lib/format/dates";

/** Console times are UTC, so two staff members in different places read the same value. */
export function formatDateTime(value: Date | null, never = "Never"): string {
  return value ? `${dateTime.format(value)} UTC` : never;
}

export function formatDate(value: Date): string {
  return dateOnly.format(value);
}
