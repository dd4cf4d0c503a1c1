import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Section } from "@/components/ui/section";
import { disableTwoFactorAction } from "../actions";
import { TwoFactorSetup } from "./two-factor-setup";

/** Turning two-factor on (the setup flow) or off (with a current code). */
export function TwoFactorSection({
  enabled,
  recoveryLeft,
  confirmIdentity,
}: {
  enabled: boolean;
  recoveryLeft: number;
  confirmIdentity: ReactNode;
}) {
  return (
    <Section
      id="two-factor"
      title="Two-factor authentication"
      description="Ask for a code from an authenticator app at every sign-in, on top of your password or email link."
    >
      {enabled ? (
        <div className="grid gap-4">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            On. {recoveryLeft} recovery {recoveryLeft === 1 ? "code" : "codes"} left.
          </p>
          <ActionForm
            action={disableTwoFactorAction}
            reauthenticate={confirmIdentity}
            submitVariant="secondary"
            submitLabel="Turn off two-factor authentication"
            pendingLabel="Turning off…"
            fields={[
              {
                name: "code",
                label: "Current code from your app",
                autoComplete: "one-time-code",
                inputMode: "numeric",
                maxLength: 20,
              },
            ]}
          />
        </div>
      ) : (
        <TwoFactorSetup reauthenticate={confirmIdentity} />
      )}
    </Section>
  );
}
