"use client";

import { useActionState, useId } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type ConfirmIdentityProps = {
  methods: { password: boolean; code: boolean; email: boolean };
  confirmAction: Action;
  sendLinkAction: () => Promise<FormState>;
};

// Shown where a dangerous change was refused for want of a recent sign-in; confirming marks this
// session as recently signed in, then the change can be retried.
export function ConfirmIdentity({ methods, confirmAction, sendLinkAction }: ConfirmIdentityProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="mt-4 grid gap-4 rounded-xl border border-amber-200 bg-amber-50 p-4 dark:border-amber-900/60 dark:bg-amber-950/30"
    >
      <h3 id={headingId} className="text-base font-semibold text-zinc-950 dark:text-white">
        Confirm it&apos;s you
      </h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        This change needs a recent sign-in.{" "}
        {methods.email
          ? "We can email you a link to confirm."
          : "Confirm with your password or a code from your authenticator app."}
      </p>
      {methods.password ? (
        <ActionForm
          action={confirmAction}
          fields={[
            {
              name: "password",
              label: "Your password",
              type: "password",
              autoComplete: "current-password",
            },
          ]}
          hidden={{ code: "" }}
          submitLabel="Confirm with password"
          pendingLabel="Checking…"
          submitVariant="secondary"
        />
      ) : null}
      {methods.code ? (
        <ActionForm
          action={confirmAction}
          fields={[
            {
              name: "code",
              label: "Code from your authenticator app",
              autoComplete: "one-time-code",
              inputMode: "numeric",
              maxLength: 20,
            },
          ]}
          hidden={{ password: "" }}
          submitLabel="Confirm with code"
          pendingLabel="Checking…"
          submitVariant="secondary"
        />
      ) : null}
      {methods.email ? <SendLinkForm action={sendLinkAction} /> : null}
    </section>
  );
}

function SendLinkForm({ action }: { action: () => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleFormState);
  return (
    <form action={formAction} className="grid gap-3">
      <FormAlert state={state} />
      <div>
        <SubmitButton className="w-auto" variant="secondary" pendingLabel="Sending…">
          Email me a confirmation link
        </SubmitButton>
      </div>
    </form>
  );
}
