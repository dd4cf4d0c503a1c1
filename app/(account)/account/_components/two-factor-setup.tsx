"use client";

import { useRouter } from "next/navigation";
import { useActionState, type ReactNode } from "react";
import { buttonClassName } from "@/components/ui/button";
import { describedBy, Field, inputClassName } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import {
  beginTwoFactorSetupAction,
  confirmTwoFactorSetupAction,
  type TwoFactorSetupState,
} from "../actions";

/**
 * Turning 2FA on: show the QR code and key, confirm with a first code, then show the
 * recovery codes once. Until the code is confirmed, sign-in does not change.
 */
export function TwoFactorSetup({ reauthenticate }: { reauthenticate?: ReactNode }) {
  const [state, confirm] = useActionState(confirmTwoFactorSetupAction, {
    status: "idle",
  } as TwoFactorSetupState);
  const [started, begin] = useActionState(beginTwoFactorSetupAction, {
    status: "idle",
  } as TwoFactorSetupState);
  const current = state.status === "idle" ? started : state;
  const router = useRouter();

  if (current.status === "enabled") {
    return (
      <div className="grid gap-4" role="status">
        <p className="text-sm text-zinc-800 dark:text-zinc-200">
          Two-factor authentication is on. Save these recovery codes somewhere safe: each one signs
          you in once if you lose your phone. They are shown only now.
        </p>
        <ul
          aria-label="Recovery codes"
          className="grid grid-cols-2 gap-2 rounded-lg bg-zinc-50 p-4 font-mono text-sm dark:bg-zinc-950"
        >
          {current.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <button
            type="button"
            onClick={() => router.refresh()}
            className={buttonClassName({ variant: "secondary" })}
          >
            I saved my recovery codes
          </button>
        </div>
      </div>
    );
  }

  if (current.status === "setup") {
    const error = current.error;
    return (
      <form action={confirm} className="grid gap-5">
        <div className="grid gap-4 sm:grid-cols-[10rem_1fr] sm:items-center">
          <div
            role="img"
            aria-label="QR code to scan with your authenticator app"
            className="w-40 rounded-lg bg-white p-2 [&>svg]:h-auto [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: current.qrSvg }}
          />
          <div className="text-sm text-zinc-700 dark:text-zinc-300">
            <p>Scan the code with an authenticator app, or type this key:</p>
            <p
              className="mt-2 font-mono text-base tracking-wide text-zinc-950 dark:text-white"
              data-testid="manual-key"
            >
              {current.manualKey}
            </p>
          </div>
        </div>
        <Field id="setup-code" label="Code from the app" error={error}>
          <input
            id="setup-code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            maxLength={20}
            className={inputClassName}
            {...describedBy("setup-code", error)}
          />
        </Field>
        <div>
          <SubmitButton className="w-auto" pendingLabel="Checking…">
            Turn on two-factor authentication
          </SubmitButton>
        </div>
      </form>
    );
  }

  return (
    <div>
      <form action={begin} className="grid gap-3">
        {current.status === "error" ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {current.message}
          </p>
        ) : null}
        <div>
          <SubmitButton className="w-auto" pendingLabel="Preparing…">
            Set up two-factor authentication
          </SubmitButton>
        </div>
      </form>
      {current.status === "error" && "reauthenticate" in current ? reauthenticate : null}
    </div>
  );
}
