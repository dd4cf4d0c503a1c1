"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import {
  cancelSubscriptionAction,
  changePlanAction,
  openPortalAction,
  previewPlanChangeAction,
  resumeSubscriptionAction,
  startCheckoutAction,
} from "@/lib/billing/actions";
import type { PlanChangePreview } from "@/lib/billing/manage/plan-change";
import type { FormState } from "@/lib/forms/form-state";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

/** The billing page's forms; the checks and the Stripe calls live in lib/billing. */

export async function checkoutForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await startCheckoutAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(result.data.url);
}

export async function portalForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await openPortalAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(result.data.url);
}

export async function cancelForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await cancelSubscriptionAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, {
    success: "The subscription will end at the close of the current period.",
  });
}

export async function resumeForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await resumeSubscriptionAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "The subscription will renew as usual." });
}

export type ChangePlanState =
  | { status: "idle" }
  | { status: "preview"; preview: PlanChangePreview }
  | { status: "done"; message: string }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string>;
      /** What was chosen and typed, so a correction starts from it (forms reset after an action). */
      choice?: { plan: string; interval: string };
      promotionCode?: string;
    };

/**
 * Two steps in one form: "Preview" asks Stripe what the change costs (an invoice preview
 * with prorations and the promotion code, if one was typed); "Confirm" (`intent=confirm`)
 * makes exactly the previewed change; "Back" returns to choosing.
 */
export async function changePlanForm(
  _state: ChangePlanState,
  formData: FormData,
): Promise<ChangePlanState> {
  const intent = formData.get("intent");
  if (intent === "back") return { status: "idle" };
  const code = formData.get("promotionCode");
  const input = {
    plan: formData.get("plan"),
    interval: formData.get("interval"),
    ...(typeof code === "string" ? { promotionCode: code } : {}),
  };
  const plan = formData.get("plan");
  const interval = formData.get("interval");
  const typed = {
    ...(typeof code === "string" ? { promotionCode: code.slice(0, 64) } : {}),
    ...(typeof plan === "string" && typeof interval === "string"
      ? { choice: { plan, interval } }
      : {}),
  };
  if (intent !== "confirm") {
    const result = await previewPlanChangeAction(input);
    return result.ok
      ? { status: "preview", preview: result.data }
      : {
          status: "error",
          message: result.error,
          ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
          ...typed,
        };
  }
  const result = await changePlanAction(input);
  if (!result.ok) {
    return {
      status: "error",
      message: result.error,
      ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
      ...typed,
    };
  }
  await revalidateOrganizationPages();
  return {
    status: "done",
    message: "Plan changed. Prorations and any promotion appear on the next invoice.",
  };
}
