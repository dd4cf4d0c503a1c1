import { describedBy, Field, inputClassName } from "@/components/forms/field";

/** The reason every staff action asks for (lib/admin/reason.ts), kept after a refusal. */
export function ReasonField({ id, error, value }: { id: string; error?: string; value?: string }) {
  return (
    <Field id={id} label="Reason (kept in the audit log)" error={error}>
      <textarea
        id={id}
        name="reason"
        required
        minLength={5}
        maxLength={500}
        rows={2}
        defaultValue={value ?? ""}
        className={inputClassName.replace("h-11", "min-h-16 py-2")}
        {...describedBy(id, error)}
      />
    </Field>
  );
}
