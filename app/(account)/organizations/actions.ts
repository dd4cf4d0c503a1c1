"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { organizationUrl } from "@/lib/tenancy/links";

/** Creates the organization, then opens its home page on its own subdomain. */
export async function createOrganizationForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await createOrganizationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(organizationUrl(result.data.slug));
}
