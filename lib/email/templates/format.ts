export function greeting(name: string | null | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? `Hi ${trimmed},` : "Hi,";
}

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

// In UTC: the recipient's time zone is unknown.
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new Error("An email timestamp must be an ISO 8601 date.");
  }
  return `${timestampFormat.format(date)} UTC`;
}

export type RoleName = "OWNER" | "ADMIN" | "MEMBER";

// "as an admin", "became a member": the article comes with the word.
export const roleWords: Record<RoleName, string> = {
  OWNER: "an owner",
  ADMIN: "an admin",
  MEMBER: "a member",
};
