"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

export function StatusButtonForm({
  action,
  label,
  pendingLabel,
  hidden,
  variant = "secondary",
  confirmMessage,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "ghost";
  confirmMessage?: string;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form
      action={formAction}
      className="grid gap-3"
      onSubmit={(event) => {
        if (confirmMessage && !window.confirm(confirmMessage)) event.preventDefault();
      }}
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert state={state} />
      <div>
        <SubmitButton variant={variant} pendingLabel={pendingLabel} className="w-auto">
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}
