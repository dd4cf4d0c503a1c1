import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import type { MemberView } from "@/lib/members/members";
import { transferOwnershipForm } from "../actions";

/** Hands the organization to another member; needs a recent sign-in. */
export function TransferOwnership({
  others,
  confirmIdentity,
}: {
  others: MemberView[];
  confirmIdentity: ReactNode;
}) {
  return (
    <Section id="transfer" title="Transfer ownership" className="max-w-xl">
      {others.length === 0 ? (
        <Muted>Invite someone first: ownership goes to another member.</Muted>
      ) : (
        <ActionForm
          action={transferOwnershipForm}
          reauthenticate={confirmIdentity}
          submitLabel="Transfer ownership"
          submitVariant="secondary"
          fields={[
            {
              name: "membershipId",
              label: "New owner",
              type: "select",
              options: others.map((m) => ({
                value: m.id,
                label: `${m.user.name ?? m.user.email} (${m.user.email})`,
              })),
              description: "They become an owner and you become an admin.",
            },
          ]}
        />
      )}
    </Section>
  );
}
