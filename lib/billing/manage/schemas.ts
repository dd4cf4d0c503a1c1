import { z } from "zod";
import { billingIntervals, paidPlans, type PlanId } from "../plans/plans";

const paidPlanIds = paidPlans.map((plan) => plan.id) as [PlanId, ...PlanId[]];

const plan = z.enum(paidPlanIds, { error: "Choose a paid plan." });
const interval = z.enum(billingIntervals, { error: "Choose monthly or yearly billing." });

export const choosePlanSchema = z.strictObject({ plan, interval });
export const noInputSchema = z.strictObject({});

export type ChoosePlanInput = z.infer<typeof choosePlanSchema>;
