"use server";

import { toFormState } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import {
  confirmAttachmentAction,
  deleteAttachmentAction,
  prepareAttachmentUploadAction,
} from "@/lib/attachments/actions";
import type { FormState } from "@/lib/forms/form-state";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";
import type { PreparedUpload } from "@/components/uploads/upload-steps";

/**
 * The project page's file forms. The checks live in lib/attachments/actions.ts; these adapt
 * them to the upload form (prepare, then confirm) and to the delete button.
 */

function firstError(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return Object.values(result.fieldErrors ?? {})[0] ?? result.error;
}

export async function prepareAttachmentUpload(
  projectId: string,
  file: { fileName: string; contentType: string; size: number },
): Promise<PreparedUpload> {
  const result = await prepareAttachmentUploadAction({ projectId, ...file });
  if (!result.ok) return { ok: false, error: firstError(result) };
  return { ok: true, ...result.data };
}

export async function confirmAttachmentUpload(
  projectId: string,
  upload: { key: string; fileName: string },
): Promise<FormState> {
  const result = await confirmAttachmentAction({ projectId, ...upload });
  if (!result.ok) return { status: "error", fieldErrors: { file: firstError(result) } };
  await revalidateOrganizationPages();
  return { status: "success", message: `${result.data.fileName} attached.` };
}

export async function deleteAttachmentForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await deleteAttachmentAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "File removed." });
}
