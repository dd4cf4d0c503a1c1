import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { setCancelAtPeriodEnd } from "./manage/cancel";
import { startCheckout } from "./manage/checkout";
import { changePlan, previewPlanChange } from "./manage/plan-change";
import { openPortal } from "./manage/portal";
import { choosePlanSchema, noInputSchema } from "./manage/schemas";
import { withStripe } from "./stripe/client";

export const startCheckoutAction = memberAction(
  "billing.checkout",
  "billing:manage",
  choosePlanSchema,
  (input, ctx) => withStripe("checkout", () => startCheckout(ctx, input)),
);

export const openPortalAction = memberAction(
  "billing.portal",
  "billing:manage",
  noInputSchema,
  (_input, ctx) => withStripe("portal", () => openPortal(ctx)),
);

export const previewPlanChangeAction = memberAction(
  "billing.preview_change",
  "billing:manage",
  choosePlanSchema,
  (input, ctx) => withStripe("preview", () => previewPlanChange(ctx, input)),
);

export const changePlanAction = memberAction(
  "billing.change_plan",
  "billing:manage",
  choosePlanSchema,
  (input, ctx) => withStripe("change plan", () => changePlan(ctx, input)),
);

export const cancelSubscriptionAction = memberAction(
  "billing.cancel",
  "billing:manage",
  noInputSchema,
  (_input, ctx) => withStripe("cancel", () => setCancelAtPeriodEnd(ctx, true)),
);

export const resumeSubscriptionAction = memberAction(
  "billing.resume",
  "billing:manage",
  noInputSchema,
  (_input, ctx) => withStripe("resume", () => setCancelAtPeriodEnd(ctx, false)),
);
