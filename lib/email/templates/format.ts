/**
 * Wording shared by the account emails. Every helper returns plain text; the layout
 * escapes it like any other field.
 */

/** "Hi Ada," or "Hi," when there is no usable name. */
export function greeting(name: string | null | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? `Hi ${trimmed},` : "Hi,";
}

/**
 * A duration as people say it: "1 minute", "15 minutes", "1 hour", "2 hours".
 * Fractions round up, so a pause of 4.2 minutes never reads as shorter than it is.
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error("A duration in an email must be a positive number of minutes.");
  }
  const whole = Math.ceil(minutes);
  if (whole >= 60 && whole % 60 === 0) {
    const hours = whole / 60;
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return whole === 1 ? "1 minute" : `${whole} minutes`;
}

const timestampFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** An ISO timestamp as "22 November 2026 at 11:06 UTC": the recipient's zone is unknown. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new Error("An email timestamp must be an ISO 8601 date.");
  }
  return `${timestampFormat.format(date)} UTC`;
}
