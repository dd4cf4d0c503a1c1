"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import { parsePlanChoice, planChoiceQuery } from "@/lib/billing/plans/plan-choice";
import { rememberPlanChoice } from "@/lib/billing/plans/plan-choice-cookie";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { organizationUrl } from "@/lib/tenancy/links";

/**
 * Creates the organization, then opens it on its own subdomain: at its home page, or, for a plan
 * picked on the pricing page, at its billing page with that plan ready for checkout.
 */
export async function createOrganizationForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  // Not fields of the organization: the action's strict schema never sees them.
  const plan = parsePlanChoice({ plan: formData.get("plan"), interval: formData.get("interval") });
  formData.delete("plan");
  formData.delete("interval");
  const result = await createOrganizationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  await rememberPlanChoice(null);
  redirect(
    organizationUrl(
      result.data.slug,
      plan ? `/settings/billing?${planChoiceQuery(plan)}#upgrade` : "/",
    ),
  );
}
