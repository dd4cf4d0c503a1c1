import type { ErrorCode } from "@/lib/errors";

/**
 * What a form's server action returns to the page (through `useActionState`): nothing
 * yet, field errors with the values to refill, or a confirmation message.
 */
export type FormState =
  | { status: "idle" }
  | {
      status: "error";
      /** A message for the whole form (shown in an alert above the fields). */
      message?: string;
      fieldErrors?: Record<string, string>;
      /** Non-secret values to put back into the fields (never passwords). */
      values?: Record<string, string>;
      /** Why, for the UI to offer a way out (an upgrade for a plan limit). */
      code?: ErrorCode;
    }
  | { status: "success"; message: string };

export const idleFormState: FormState = { status: "idle" };

/**
 * The named string fields of a form submission, and nothing else: whatever else a crafted
 * request adds never reaches the schema. Missing fields become "" so the schema reports them.
 */
export function formFields<const Name extends string>(
  formData: FormData,
  names: readonly Name[],
): Record<Name, string> {
  const fields = {} as Record<Name, string>;
  for (const name of names) {
    const value = formData.get(name);
    fields[name] = typeof value === "string" ? value : "";
  }
  return fields;
}
