"use client";

import { useActionState, useId, type ReactNode } from "react";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { describedBy, Field } from "./field";
import { FieldControl, type FormFieldConfig } from "./field-control";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { useFocusOnError } from "./use-focus-on-error";

export type { FormFieldConfig };

type ActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: readonly FormFieldConfig[];
  submitLabel: string;
  pendingLabel?: string;
  hidden?: Record<string, string | undefined>;
  hideOnSuccess?: boolean;
  submitVariant?: "primary" | "secondary";
  children?: ReactNode;
  /** Rendered after the form: the "Confirm it's you" forms cannot nest inside it. */
  reauthenticate?: ReactNode;
};

// Without JavaScript it is a plain form post to the same action.
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  hidden,
  hideOnSuccess = false,
  submitVariant = "primary",
  children,
  reauthenticate,
}: ActionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  // Ids unique per form: a page may hold two forms with an "email" field.
  const formId = useId();
  const formRef = useFocusOnError(state);
  if (hideOnSuccess && state.status === "success") return <FormAlert state={state} />;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};

  const needsConfirmation = state.status === "error" && state.code === "reauthentication_required";

  const form = (
    <form ref={formRef} action={formAction} className="grid gap-5" noValidate>
      <FormAlert state={state} />
      {Object.entries(hidden ?? {}).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        const common = {
          id,
          name: field.name,
          autoComplete: field.autoComplete,
          required: field.required ?? true,
          maxLength: field.maxLength,
          ...describedBy(id, error, Boolean(field.description)),
        };
        return (
          <Field
            key={field.name}
            id={id}
            label={field.label}
            error={error}
            description={field.description}
            aside={field.aside}
          >
            <FieldControl field={field} common={common} value={values[field.name]} />
          </Field>
        );
      })}
      {children}
      <SubmitButton pendingLabel={pendingLabel} variant={submitVariant}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
  if (!needsConfirmation || !reauthenticate) return form;
  return (
    <div>
      {form}
      {reauthenticate}
    </div>
  );
}
