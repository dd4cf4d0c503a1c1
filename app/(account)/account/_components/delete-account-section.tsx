import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Section } from "@/components/ui/section";
import { deleteAccountAction } from "../actions";

export function DeleteAccountSection({ confirmIdentity }: { confirmIdentity: ReactNode }) {
  return (
    <Section
      id="delete"
      title="Delete account"
      description="Removes your account, your sessions and your memberships. This cannot be undone."
    >
      <ActionForm
        action={deleteAccountAction}
        reauthenticate={confirmIdentity}
        submitVariant="secondary"
        submitLabel="Delete my account"
        pendingLabel="Deleting…"
        fields={[
          {
            name: "confirmation",
            label: 'Type "delete my account" to confirm',
            autoComplete: "off",
          },
        ]}
      />
    </Section>
  );
}
