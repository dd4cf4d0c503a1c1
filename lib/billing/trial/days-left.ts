const DAY_MS = 24 * 60 * 60 * 1000;

export type TrialTimeLeft =
  { kind: "ended" } | { kind: "less-than-a-day" } | { kind: "days"; days: number };

// Elapsed time, not calendar days, so every timezone agrees. Rounded down: "1 day left" always
// means at least 24 hours, and the last day reads "less than a day left", never "0 days".
export function trialTimeLeft(trialEndsAt: Date, now: Date = new Date()): TrialTimeLeft {
  const remaining = trialEndsAt.getTime() - now.getTime();
  if (!(remaining > 0)) return { kind: "ended" };
  const days = Math.floor(remaining / DAY_MS);
  return days === 0 ? { kind: "less-than-a-day" } : { kind: "days", days };
}

export function describeTrialTimeLeft(left: TrialTimeLeft): string {
  switch (left.kind) {
    case "ended":
      return "ended";
    case "less-than-a-day":
      return "less than a day left";
    case "days":
      return `${left.days} ${left.days === 1 ? "day" : "days"} left`;
  }
}
