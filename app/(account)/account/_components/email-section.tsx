import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Section } from "@/components/ui/section";
import { changeEmailAction } from "../actions";

/** A link to the new address; the current password too when the account has one. */
export function EmailSection({
  hasPassword,
  confirmIdentity,
}: {
  hasPassword: boolean;
  confirmIdentity: ReactNode;
}) {
  return (
    <Section
      id="email"
      title="Email address"
      description="We send a link to the new address; the change takes effect once you follow it."
    >
      <ActionForm
        action={changeEmailAction}
        reauthenticate={confirmIdentity}
        submitVariant="secondary"
        submitLabel="Change email"
        pendingLabel="Sending link…"
        fields={[
          {
            name: "newEmail",
            label: "New email",
            type: "email",
            autoComplete: "email",
            inputMode: "email",
          },
          ...(hasPassword
            ? [
                {
                  name: "currentPassword",
                  label: "Current password",
                  type: "password" as const,
                  autoComplete: "current-password",
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}
