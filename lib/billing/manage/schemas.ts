import { z } from "zod";
import { billingIntervals, paidPlans, type PlanId } from "../plans/plans";

const paidPlanIds = paidPlans.map((plan) => plan.id) as [PlanId, ...PlanId[]];

const plan = z.enum(paidPlanIds, { error: "Choose a paid plan." });
const interval = z.enum(billingIntervals, { error: "Choose monthly or yearly billing." });

// Optional; an empty field is no code. Stripe's codes are letters and digits (and - or _).
const promotionCode = z.preprocess(
  // A form without the field sends null (FormData.get), one with it empty sends "".
  (value) =>
    value === null || (typeof value === "string" && value.trim() === "") ? undefined : value,
  z
    .string()
    .trim()
    .max(64, "Promotion codes are at most 64 characters.")
    .regex(/^[A-Za-z0-9_-]+$/, "Promotion codes contain only letters, digits, - and _.")
    .optional(),
);

export const choosePlanSchema = z.strictObject({ plan, interval, promotionCode });
export const noInputSchema = z.strictObject({});

export type ChoosePlanInput = z.infer<typeof choosePlanSchema>;
