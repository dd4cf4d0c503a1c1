import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import { deleteOrganizationForm } from "../actions";

/** Deletes the organization once its slug is typed back; needs a recent sign-in. */
export function DeleteOrganization({
  organization,
  confirmIdentity,
}: {
  organization: { name: string; slug: string };
  confirmIdentity: ReactNode;
}) {
  return (
    <Section id="delete" title="Delete organization" danger className="max-w-xl">
      <Muted>
        Deletes {organization.name} with all its projects, members, invitations and history. This
        cannot be undone.
      </Muted>
      <ActionForm
        action={deleteOrganizationForm}
        reauthenticate={confirmIdentity}
        submitLabel="Delete organization"
        pendingLabel="Deleting…"
        submitVariant="secondary"
        fields={[
          {
            name: "confirmSlug",
            label: `Type “${organization.slug}” to confirm`,
            autoComplete: "off",
          },
        ]}
      />
    </Section>
  );
}
