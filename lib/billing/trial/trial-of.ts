import type { BillingSnapshot } from "../plans/entitlements";
import { planOf, type Plan } from "../plans/plans";
import { trialTimeLeft, type TrialTimeLeft } from "./days-left";

export type RunningTrial = { plan: Plan; left: Exclude<TrialTimeLeft, { kind: "ended" }> };

/** The trial in progress, or null (not trialing, no end date, or the end already passed). */
export function trialOf(snapshot: BillingSnapshot, now = new Date()): RunningTrial | null {
  if (snapshot.status !== "TRIALING" || !snapshot.trialEndsAt) return null;
  const left = trialTimeLeft(snapshot.trialEndsAt, now);
  if (left.kind === "ended") return null;
  return { plan: planOf(snapshot.plan), left };
}
