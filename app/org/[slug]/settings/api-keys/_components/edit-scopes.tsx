"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { apiKeyScopes } from "@/lib/api-keys/scopes";
import { idleFormState } from "@/lib/forms/form-state";
import { changeApiKeyScopesForm } from "../actions";

export function EditScopes({ id, name, scopes }: { id: string; name: string; scopes: string[] }) {
  const [state, action] = useActionState(changeApiKeyScopesForm, idleFormState);
  const message =
    state.status === "error" ? (state.fieldErrors?.scopes ?? state.message) : undefined;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer">Change scopes</summary>
      <form action={action} className="mt-2 grid gap-1" aria-label={`Scopes of ${name}`}>
        <input type="hidden" name="id" value={id} />
        {apiKeyScopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={scopes.includes(scope)}
            />
            <code>{scope}</code>
          </label>
        ))}
        <FormAlert state={state.status === "error" ? { ...state, message } : state} />
        <div>
          <SubmitButton variant="secondary" className="w-auto" pendingLabel="Saving…">
            Save scopes
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
