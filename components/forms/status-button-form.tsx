"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

/** A one-button form; with `confirmMessage`, the button opens a confirmation dialog first. */
export function StatusButtonForm({
  action,
  label,
  pendingLabel,
  hidden,
  variant = "secondary",
  confirmMessage,
  confirmTitle,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "ghost";
  /** What going ahead does; the dialog's title defaults to the button's label. */
  confirmMessage?: string;
  confirmTitle?: string;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="grid gap-3">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert state={state} />
      <div>
        {confirmMessage ? (
          <ConfirmDialog
            triggerLabel={label}
            triggerVariant={variant === "primary" ? "secondary" : variant}
            title={confirmTitle ?? `${label}?`}
            confirmLabel={label}
            pendingLabel={pendingLabel}
          >
            <p>{confirmMessage}</p>
          </ConfirmDialog>
        ) : (
          <SubmitButton variant={variant} pendingLabel={pendingLabel} className="w-auto">
            {label}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
