"use client";

import { useActionState, type ReactNode } from "react";
import { ConfirmDialog, type TypeToConfirm } from "@/components/ui/confirm-dialog";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { FormAlert } from "./form-alert";
import { useFocusOnError } from "./use-focus-on-error";

type ConfirmActionFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  triggerLabel: string;
  title: string;
  confirmLabel: string;
  pendingLabel?: string;
  typeToConfirm?: TypeToConfirm;
  hidden?: Record<string, string>;
  /** What going ahead does, shown in the dialog. */
  children: ReactNode;
  /** Rendered after the form when the server asks for a fresh sign-in. */
  reauthenticate?: ReactNode;
};

// A field error from the server (the typed name, say) is shown in the form's alert: the field
// itself lives in the dialog, which closes when the action answers.
function withFieldErrors(state: FormState): FormState {
  if (state.status !== "error" || state.message || !state.fieldErrors) return state;
  return { ...state, message: Object.values(state.fieldErrors).join(" ") };
}

/** A destructive action behind a confirmation dialog (components/ui/confirm-dialog.tsx). */
export function ConfirmActionForm({
  action,
  hidden,
  reauthenticate,
  children,
  ...dialog
}: ConfirmActionFormProps) {
  const [state, formAction] = useActionState(action, idleFormState);
  const formRef = useFocusOnError(state);
  const needsConfirmation = state.status === "error" && state.code === "reauthentication_required";
  return (
    <div className="grid gap-3">
      <form ref={formRef} action={formAction} className="grid justify-items-start gap-3">
        <FormAlert state={withFieldErrors(state)} />
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <ConfirmDialog triggerVariant="danger" {...dialog}>
          {children}
        </ConfirmDialog>
      </form>
      {needsConfirmation ? reauthenticate : null}
    </div>
  );
}
