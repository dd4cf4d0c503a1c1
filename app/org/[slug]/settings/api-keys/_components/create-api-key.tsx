"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonClassName } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { idleFormState } from "@/lib/forms/form-state";
import { apiKeyScopes, scopeLabels } from "@/lib/api-keys/scopes";
import { createApiKeyForm, type CreateKeyState } from "../actions";

const input =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

export function CreateApiKey() {
  const [state, action] = useActionState<CreateKeyState, FormData>(createApiKeyForm, idleFormState);
  const [copied, setCopied] = useState(false);
  if (state.status === "created") {
    return (
      <div className="grid gap-3">
        <Callout tone="success">
          Key “{state.name}” created. Copy it now: it is shown only this once.
        </Callout>
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="api-key-secret"
            className="rounded-lg bg-zinc-100 px-3 py-2 font-mono text-sm break-all dark:bg-zinc-800"
          >
            {state.secret}
          </code>
          <button
            type="button"
            className={buttonClassName({ variant: "secondary", size: "sm" })}
            onClick={() => {
              void navigator.clipboard?.writeText(state.secret).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      </div>
    );
  }
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="grid max-w-xl gap-4">
      <FormAlert
        state={
          state.status === "error"
            ? { ...state, message: state.fieldErrors ? undefined : state.message }
            : state
        }
      />
      <label className="grid gap-1 text-sm font-medium">
        Name
        <input
          name="name"
          required
          maxLength={60}
          className={input}
          aria-invalid={Boolean(errors.name)}
        />
        {errors.name ? <span className="text-red-700 dark:text-red-400">{errors.name}</span> : null}
      </label>
      <fieldset className="grid gap-2 text-sm">
        <legend className="font-medium">Scopes</legend>
        {apiKeyScopes.map((scope) => (
          <label key={scope} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={scope === "projects:read"}
            />
            <code>{scope}</code> — {scopeLabels[scope]}
          </label>
        ))}
        {errors.scopes ? (
          <span className="text-red-700 dark:text-red-400">{errors.scopes}</span>
        ) : null}
      </fieldset>
      <label className="grid gap-1 text-sm font-medium">
        Expires on (optional)
        <input
          type="date"
          name="expiresOn"
          className={input}
          aria-invalid={Boolean(errors.expiresOn)}
        />
        {errors.expiresOn ? (
          <span className="text-red-700 dark:text-red-400">{errors.expiresOn}</span>
        ) : null}
      </label>
      <div>
        <SubmitButton className="w-auto" pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </div>
    </form>
  );
}
