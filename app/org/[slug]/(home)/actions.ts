"use server";

import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import { dismissChecklistAction } from "@/lib/onboarding/actions";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

/** The checklist's dismiss button; the checks live in lib/onboarding. */
export async function dismissChecklistForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await dismissChecklistAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Checklist dismissed." });
}
