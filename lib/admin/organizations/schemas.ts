import { z } from "zod";
import { flagNames, type Flag } from "@/lib/billing/plans/flags";
import { withReason } from "../reason";
import { compPlans } from "./comp-plans";

const organizationId = z.string().trim().min(1, "Choose an organization.").max(64);

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

const limit = (what: string) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: `Enter a number of ${what}, or leave it empty for the plan's limit.` })
      .int(`Enter a whole number of ${what}.`)
      .min(1, `Allow at least 1 ${what.replace(/s$/, "")}.`)
      .max(1_000_000, `Keep it under 1,000,000 ${what}.`)
      .nullable(),
  );

export const compSchema = withReason({
  organizationId,
  plan: z.enum(compPlans, { error: "Choose Pro or Business." }),
  days: z.coerce
    .number({ error: "Enter a number of days from 1 to 365." })
    .int("Enter a whole number of days.")
    .min(1, "Comp at least 1 day.")
    .max(365, "Comp at most 365 days."),
});

export const organizationReasonSchema = withReason({ organizationId });

export const tenantMoveSchema = withReason({
  organizationId,
  to: z.string().trim().min(1, "Choose where to move it.").max(100),
});

export const limitsSchema = withReason({
  organizationId,
  seatLimit: limit("seats"),
  projectLimit: limit("projects"),
});

export const deleteOrganizationSchema = withReason({
  organizationId,
  confirmSlug: z.string().trim().min(1, "Type the organization’s address to confirm.").max(64),
});

const flag = z.enum(flagNames as [Flag, ...Flag[]], { error: "Choose a flag." });

// A date means "through that day" (UTC): the override lapses when the next day starts.
const untilDate = z.preprocess(
  blankToNull,
  z.iso
    .date({ error: "Use a date like 2027-01-31, or leave it empty." })
    .transform((day) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000))
    .nullable(),
);

export const setFlagSchema = withReason({
  organizationId,
  flag,
  enabled: z.enum(["on", "off"], { error: "Choose on or off." }).transform((v) => v === "on"),
  expiresAt: untilDate,
});

export const removeFlagSchema = withReason({ organizationId, flag });
