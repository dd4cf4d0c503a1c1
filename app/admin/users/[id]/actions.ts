"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toFormError } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import {
  deleteUserAction,
  disableUserAction,
  enableUserAction,
  exportUserAction,
  resendUserVerificationAction,
  revokeUserSessionsAction,
  sendUserPasswordResetAction,
} from "@/lib/admin/actions/users";
import { type FormState, formFields } from "@/lib/forms/form-state";

/**
 * The user page's forms: thin adapters over the staff actions of lib/admin/actions/users.ts,
 * which check staff, 2FA, a recent sign-in and the reason on every call.
 */

export type ExportState =
  FormState | { status: "exported"; message: string; filename: string; content: string };

function settle<T>(
  result: ActionResult<T>,
  fields: { userId: string; reason: string },
  message: (data: T) => string,
): FormState {
  // The typed reason survives a refusal (a confirmation asked for, a typo in the address).
  if (!result.ok) return toFormError(result, { reason: fields.reason });
  revalidatePath(`/admin/users/${fields.userId}`);
  return { status: "success", message: message(result.data) };
}

const reasonFields = (formData: FormData) => formFields(formData, ["userId", "reason"]);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export async function disableUserForm(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = reasonFields(formData);
  return settle(
    await disableUserAction(fields),
    fields,
    (data) => `Account disabled; ${plural(data.sessionsEnded, "session")} ended.`,
  );
}

export async function enableUserForm(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = reasonFields(formData);
  return settle(
    await enableUserAction(fields),
    fields,
    () => "Account enabled: they can sign in again.",
  );
}

export async function revokeUserSessionsForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = reasonFields(formData);
  return settle(
    await revokeUserSessionsAction(fields),
    fields,
    (data) => `Signed out everywhere: ${plural(data.sessionsEnded, "session")} ended.`,
  );
}

export async function resendVerificationForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = reasonFields(formData);
  return settle(
    await resendUserVerificationAction(fields),
    fields,
    (data) => `A new confirmation link is on its way to ${data.email}.`,
  );
}

export async function sendPasswordResetForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = reasonFields(formData);
  return settle(
    await sendUserPasswordResetAction(fields),
    fields,
    (data) => `A password reset link is on its way to ${data.email}.`,
  );
}

export async function exportUserForm(
  _state: ExportState,
  formData: FormData,
): Promise<ExportState> {
  const fields = reasonFields(formData);
  const result = await exportUserAction(fields);
  if (!result.ok) return toFormError(result, { reason: fields.reason });
  revalidatePath(`/admin/users/${fields.userId}`);
  const { filename, content } = result.data;
  return { status: "exported", message: `Exported to ${filename}.`, filename, content };
}

export async function deleteUserForm(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["userId", "reason", "confirmEmail"]);
  const result = await deleteUserAction(fields);
  if (!result.ok) return toFormError(result, { reason: fields.reason });
  revalidatePath("/admin/users");
  // Its page is gone: back to the list, which says what happened.
  redirect("/admin/users?deleted=1");
}
