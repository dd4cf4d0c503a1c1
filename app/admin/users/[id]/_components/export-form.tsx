"use client";

import { useActionState, useEffect, useId, type ReactNode } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { ReasonField } from "./reason-field";
import { idleFormState } from "@/lib/forms/form-state";
import type { ExportState } from "../actions";

function download(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // After the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The user's data export, handed to the browser as a JSON download (never stored or emailed). */
export function ExportForm({
  action,
  userId,
  reauthenticate,
}: {
  action: (state: ExportState, formData: FormData) => Promise<ExportState>;
  userId: string;
  reauthenticate: ReactNode;
}) {
  const [state, formAction] = useActionState(action, idleFormState as ExportState);
  const id = useId();
  const exported = state.status === "exported" ? state : null;

  useEffect(() => {
    if (exported) download(exported.filename, exported.content);
  }, [exported]);

  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <div>
      <form action={formAction} noValidate className="grid gap-4">
        {exported ? (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
            {exported.message}{" "}
            <button
              type="button"
              onClick={() => download(exported.filename, exported.content)}
              className="font-medium underline underline-offset-2"
            >
              Download it again
            </button>
          </p>
        ) : (
          <FormAlert state={state.status === "exported" ? idleFormState : state} />
        )}
        <input type="hidden" name="userId" value={userId} />
        <ReasonField id={`${id}-reason`} error={errors.reason} value={values.reason} />
        <div>
          <SubmitButton variant="secondary" pendingLabel="Exporting…" className="w-auto">
            Download their data (JSON)
          </SubmitButton>
        </div>
      </form>
      {state.status === "error" && state.code === "reauthentication_required"
        ? reauthenticate
        : null}
    </div>
  );
}
