"use server";

import { revalidatePath } from "next/cache";
import { toFormState } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import {
  confirmAvatarAction,
  prepareAvatarAction,
  removeAvatarAction,
  updateNameAction,
} from "@/lib/account/profile-actions";
import type { FormState } from "@/lib/forms/form-state";
import type { PreparedUpload } from "@/components/uploads/upload-steps";
import { signedIn } from "./signed-in";

/** The profile section's forms: name, and the picture uploaded straight to the storage. */

function firstError(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return Object.values(result.fieldErrors ?? {})[0] ?? result.error;
}

export async function updateNameForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = signedIn(await updateNameAction(formData));
  if (result.ok) revalidatePath("/account");
  return toFormState(result, { success: "Name saved.", formData });
}

export async function prepareAvatarUpload(file: {
  fileName: string;
  contentType: string;
  size: number;
}): Promise<PreparedUpload> {
  const result = signedIn(await prepareAvatarAction(file));
  if (!result.ok) return { ok: false, error: firstError(result) };
  return { ok: true, ...result.data };
}

export async function confirmAvatarUpload(upload: {
  key: string;
  fileName: string;
}): Promise<FormState> {
  const result = signedIn(await confirmAvatarAction(upload));
  if (!result.ok) return { status: "error", fieldErrors: { file: firstError(result) } };
  revalidatePath("/account");
  return { status: "success", message: "Picture saved." };
}

export async function removeAvatarForm(): Promise<FormState> {
  const result = signedIn(await removeAvatarAction({}));
  if (result.ok) revalidatePath("/account");
  return toFormState(result, { success: "Picture removed." });
}
