import type { FormState } from "@/lib/forms/form-state";
import type { ActionResult } from "./result";

export function toFormState<T>(
  result: ActionResult<T>,
  { success, formData }: { success: string | ((data: T) => string); formData?: FormData },
): FormState {
  if (result.ok) {
    return {
      status: "success",
      message: typeof success === "function" ? success(result.data) : success,
    };
  }
  const values: Record<string, string> = {};
  for (const [key, value] of formData?.entries() ?? []) {
    // Never echo anything that looks like a secret back into the page.
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password|token/i.test(key))
      values[key] = value;
  }
  return {
    status: "error",
    message: result.error,
    ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
    ...(result.code ? { code: result.code } : {}),
    ...(result.upgrade ? { upgrade: result.upgrade } : {}),
    values,
  };
}

export function toFormError(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  values?: Record<string, string>,
): Extract<FormState, { status: "error" }> {
  return {
    status: "error",
    ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : { message: result.error }),
    ...(result.code ? { code: result.code } : {}),
    ...(result.upgrade ? { upgrade: result.upgrade } : {}),
    ...(values ? { values } : {}),
  };
}
