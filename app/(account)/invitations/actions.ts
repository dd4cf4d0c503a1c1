"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import { acceptInvitationAction, acceptInvitationByIdAction } from "@/lib/invitations/actions";
import { organizationUrl } from "@/lib/tenancy/links";

/** Accepting lands the new member on the organization's home page, on its own subdomain. */
export async function acceptInvitationForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await acceptInvitationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(organizationUrl(result.data.organization.slug));
}

export async function acceptInvitationByIdForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await acceptInvitationByIdAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(organizationUrl(result.data.organization.slug));
}
