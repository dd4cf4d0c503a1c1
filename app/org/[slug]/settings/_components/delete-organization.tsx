import type { ReactNode } from "react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { DangerAction } from "@/components/ui/danger-zone";
import { Muted } from "@/components/ui/section";
import { deleteOrganizationForm } from "../actions";

/** Deletes the organization once its slug is typed back; needs a recent sign-in. */
export function DeleteOrganization({
  organization,
  confirmIdentity,
}: {
  organization: { name: string; slug: string };
  confirmIdentity: ReactNode;
}) {
  const consequences = `Deletes ${organization.name} with all its projects, members, invitations, API keys and history. A paid subscription is canceled at once. This cannot be undone.`;
  return (
    <DangerAction id="delete" title="Delete organization">
      <Muted>{consequences}</Muted>
      <ConfirmActionForm
        action={deleteOrganizationForm}
        reauthenticate={confirmIdentity}
        triggerLabel="Delete organization"
        title={`Delete ${organization.name}?`}
        confirmLabel="Delete organization"
        pendingLabel="Deleting…"
        typeToConfirm={{ value: organization.slug, name: "confirmSlug" }}
      >
        <p>{consequences}</p>
        <p>Its members lose access at once.</p>
      </ConfirmActionForm>
    </DangerAction>
  );
}
