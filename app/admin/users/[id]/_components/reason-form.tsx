"use client";

import { useActionState, useId, type ReactNode } from "react";
import { describedBy, Field, inputClassName } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import { ReasonField } from "./reason-field";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

export type ReasonFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  userId: string;
  submitLabel: string;
  pendingLabel: string;
  /** Asked in a dialog before a destructive action is sent. */
  confirmMessage?: string;
  /** A typed confirmation (the user's address), checked again on the server. */
  confirmEmail?: { label: string };
  /** "Confirm it's you", shown when the server asks for a fresh sign-in. */
  reauthenticate: ReactNode;
};

/** A staff action on one user: the reason is required and kept in the audit log. */
export function ReasonForm(props: ReasonFormProps) {
  const [state, formAction] = useActionState(props.action, idleFormState);
  const id = useId();
  const formRef = useFocusOnError(state);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const needsConfirmation = state.status === "error" && state.code === "reauthentication_required";
  const { confirmMessage } = props;

  return (
    <div>
      <form ref={formRef} action={formAction} noValidate className="grid gap-4">
        <FormAlert state={state} />
        <input type="hidden" name="userId" value={props.userId} />
        <ReasonField id={`${id}-reason`} error={errors.reason} value={values.reason} />
        {props.confirmEmail ? (
          <Field id={`${id}-confirm`} label={props.confirmEmail.label} error={errors.confirmEmail}>
            <input
              id={`${id}-confirm`}
              name="confirmEmail"
              type="email"
              required
              autoComplete="off"
              className={inputClassName}
              {...describedBy(`${id}-confirm`, errors.confirmEmail)}
            />
          </Field>
        ) : null}
        <div>
          {confirmMessage ? (
            <ConfirmDialog
              triggerLabel={props.submitLabel}
              title={`${props.submitLabel}?`}
              confirmLabel={props.submitLabel}
              pendingLabel={props.pendingLabel}
            >
              <p>{confirmMessage}</p>
            </ConfirmDialog>
          ) : (
            <SubmitButton variant="secondary" pendingLabel={props.pendingLabel} className="w-auto">
              {props.submitLabel}
            </SubmitButton>
          )}
        </div>
      </form>
      {needsConfirmation ? props.reauthenticate : null}
    </div>
  );
}
