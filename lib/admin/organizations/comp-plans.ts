export const compPlans = ["pro", "business"] as const;
export type CompPlan = (typeof compPlans)[number];
