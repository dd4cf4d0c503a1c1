"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import {
  compPlanAction,
  deleteOrganizationAction,
  endCompAction,
  removeFlagOverrideAction,
  rereadFromStripeAction,
  setFlagOverrideAction,
  setLimitsAction,
  startTenantMoveAction,
  suspendOrganizationAction,
  unsuspendOrganizationAction,
} from "@/lib/admin/actions/organizations";
import type { FormState } from "@/lib/forms/form-state";

/** The organization page's forms; the checks (staff, 2FA, recent sign-in, reason) live in lib/admin. */

function settle<T>(result: ActionResult<T>, formData: FormData, success: string): FormState {
  const id = formData.get("organizationId");
  if (result.ok && typeof id === "string") revalidatePath(`/admin/organizations/${id}`);
  return toFormState(result, { success, formData });
}

export async function rereadForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await rereadFromStripeAction(formData);
  const changed = result.ok ? result.data.changed : [];
  return settle(
    result,
    formData,
    changed.length === 0
      ? "Re-read from Stripe: the stored subscription already matched."
      : `Re-read from Stripe: corrected ${changed.join(", ")}.`,
  );
}

export async function compForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await compPlanAction(formData), formData, "Complimentary plan granted.");
}

export async function endCompForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await endCompAction(formData), formData, "Complimentary plan ended.");
}

export async function limitsForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await setLimitsAction(formData), formData, "Limits saved.");
}

export async function suspendForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await suspendOrganizationAction(formData), formData, "Organization suspended.");
}

export async function unsuspendForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await unsuspendOrganizationAction(formData), formData, "Suspension lifted.");
}

export async function setFlagForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await setFlagOverrideAction(formData), formData, "Flag override saved.");
}

export async function removeFlagForm(_s: FormState, formData: FormData): Promise<FormState> {
  return settle(await removeFlagOverrideAction(formData), formData, "Override removed.");
}

export async function tenantMoveForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await startTenantMoveAction(formData);
  return settle(
    result,
    formData,
    `Move to ${result.ok ? result.data.to : ""} started; it takes a few seconds. Reload to see where the organization lives.`,
  );
}

export async function deleteForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteOrganizationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(`/admin/organizations?deleted=${encodeURIComponent(result.data.slug)}`);
}
