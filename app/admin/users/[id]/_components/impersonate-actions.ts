"use server";

import { redirect } from "next/navigation";
import { toFormError } from "@/lib/actions/form";
import { impersonateUserAction } from "@/lib/admin/actions/impersonation";
import { type FormState, formFields } from "@/lib/forms/form-state";

/** "View as this user": on success the browser opens the app as that user, banner on top. */
export async function impersonateUserForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formFields(formData, ["userId", "reason"]);
  const result = await impersonateUserAction(fields);
  if (!result.ok) return toFormError(result, { reason: fields.reason });
  redirect("/organizations");
}
