import type { PlanId } from "./plans";

// Plan features and feature flags are one concept; the app asks only `requireEntitlement` /
// `effectivePlan`, never this table directly, so per-organization overrides apply.

export type FlagDefinition = {
  label: string;
  description: string;
  defaults: Record<PlanId, boolean>;
};

export const flags = {
  api: {
    label: "The JSON API",
    description: "API keys and /api/v1: creating keys and every call made with one.",
    defaults: { free: false, pro: true, business: true },
  },
  auditExport: {
    label: "Audit log export",
    description: "Downloading the audit log as CSV from the audit log page or /api/audit/export.",
    defaults: { free: false, pro: false, business: true },
  },
} as const satisfies Record<string, FlagDefinition>;

export type Flag = keyof typeof flags;

export const flagNames = Object.keys(flags) as Flag[];

export function isFlag(value: unknown): value is Flag {
  return typeof value === "string" && Object.hasOwn(flags, value);
}

export function flagDefaults(plan: PlanId): Record<Flag, boolean> {
  return Object.fromEntries(flagNames.map((flag) => [flag, flags[flag].defaults[plan]])) as Record<
    Flag,
    boolean
  >;
}

export type FlagOverride = { flag: string; enabled: boolean; expiresAt: Date | null };

/** An override counts until its expiry; an unknown flag name (a removed flag) never counts. */
export function activeOverrides(overrides: readonly FlagOverride[], now: Date): Map<Flag, boolean> {
  const active = new Map<Flag, boolean>();
  for (const override of overrides) {
    if (!isFlag(override.flag)) continue;
    if (override.expiresAt && override.expiresAt.getTime() <= now.getTime()) continue;
    active.set(override.flag, override.enabled);
  }
  return active;
}
