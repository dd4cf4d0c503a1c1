"use server";

import { toFormState } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import type { FormState } from "@/lib/forms/form-state";
import {
  confirmLogoAction,
  prepareLogoAction,
  removeLogoAction,
} from "@/lib/organizations/actions";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";
import type { PreparedUpload } from "@/components/uploads/upload-steps";

/** The logo form: signed upload, then the server's check of the stored file; the checks live in lib/organizations. */

function firstError(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return Object.values(result.fieldErrors ?? {})[0] ?? result.error;
}

export async function prepareLogoUpload(file: {
  fileName: string;
  contentType: string;
  size: number;
}): Promise<PreparedUpload> {
  const result = await prepareLogoAction(file);
  if (!result.ok) return { ok: false, error: firstError(result) };
  return { ok: true, ...result.data };
}

export async function confirmLogoUpload(upload: {
  key: string;
  fileName: string;
}): Promise<FormState> {
  const result = await confirmLogoAction(upload);
  if (!result.ok) return { status: "error", fieldErrors: { file: firstError(result) } };
  await revalidateOrganizationPages();
  return { status: "success", message: "Logo saved." };
}

export async function removeLogoForm(): Promise<FormState> {
  const result = await removeLogoAction({});
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Logo removed." });
}
