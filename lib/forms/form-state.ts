import type { ErrorCode } from "@/lib/errors";

export type FormState =
  | { status: "idle" }
  | {
      status: "error";
      message?: string;
      fieldErrors?: Record<string, string>;
      /** Never passwords. */
      values?: Record<string, string>;
      code?: ErrorCode;
      upgrade?: "link" | "ask";
    }
  | { status: "success"; message: string };

export const idleFormState: FormState = { status: "idle" };

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
