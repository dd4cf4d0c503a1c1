import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Section } from "@/components/ui/section";
import { passwordRules } from "@/lib/auth/password-policy";
import { changePasswordAction } from "../actions";

export function PasswordSection({ confirmIdentity }: { confirmIdentity: ReactNode }) {
  return (
    <Section
      id="password"
      title="Password"
      description="Changing it signs you out everywhere else."
    >
      <ActionForm
        action={changePasswordAction}
        reauthenticate={confirmIdentity}
        submitVariant="secondary"
        submitLabel="Change password"
        pendingLabel="Saving…"
        fields={[
          {
            name: "currentPassword",
            label: "Current password",
            type: "password",
            autoComplete: "current-password",
          },
          {
            name: "newPassword",
            label: "New password",
            type: "password",
            autoComplete: "new-password",
            description: `At least ${passwordRules.minLength} characters.`,
          },
        ]}
      />
    </Section>
  );
}
