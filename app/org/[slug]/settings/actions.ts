"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import { env } from "@/lib/env";
import { noticeQuery } from "@/lib/flash/notice";
import type { FormState } from "@/lib/forms/form-state";
import {
  deleteOrganizationAction,
  transferOwnershipAction,
  updateOrganizationAction,
} from "@/lib/organizations/actions";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

/** The settings page's forms; the checks live in lib/organizations. */

export async function renameOrganizationForm(
  _s: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await updateOrganizationAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Name saved.", formData });
}

export async function transferOwnershipForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await transferOwnershipAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Ownership transferred. You are now an admin.", formData });
}

export async function deleteOrganizationForm(
  _s: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await deleteOrganizationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  const notice = noticeQuery({ code: "organization-deleted", name: result.data.name });
  redirect(`${env.appUrl}/organizations${notice ? `?${notice}` : ""}`);
}
