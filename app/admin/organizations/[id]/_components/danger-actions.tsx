import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { deleteForm, suspendForm, unsuspendForm } from "../actions";
import { moment, reasonField } from "./facts";

/** Suspend or lift a suspension, and delete with the Stripe cancellation. */
export function DangerActions({
  detail,
  confirmIdentity,
}: {
  detail: OrganizationDetail;
  confirmIdentity: ReactNode;
}) {
  const { organization: org } = detail;
  const hidden = { organizationId: org.id };
  return (
    <Section id="danger" title="Suspend or delete" danger>
      {org.suspendedAt ? (
        <>
          <Muted>
            Suspended since {moment.format(org.suspendedAt)}: “{org.suspendedReason}”. Members see
            only a notice; their actions and API keys are refused.
          </Muted>
          <ActionForm
            action={unsuspendForm}
            hidden={hidden}
            fields={[reasonField]}
            submitLabel="Lift the suspension"
            pendingLabel="Lifting…"
            submitVariant="secondary"
            reauthenticate={confirmIdentity}
          />
        </>
      ) : (
        <>
          <Muted>
            Members will see “This organization is suspended. Contact support.” and nothing else;
            their actions and API keys are refused. Data is kept.
          </Muted>
          <ActionForm
            action={suspendForm}
            hidden={hidden}
            fields={[reasonField]}
            submitLabel="Suspend organization"
            pendingLabel="Suspending…"
            submitVariant="secondary"
            reauthenticate={confirmIdentity}
          />
        </>
      )}
      <Muted>
        Deleting cancels the Stripe subscription first (if Stripe cannot, nothing is deleted), then
        removes {org.name} with all its projects, members and history. This cannot be undone.
      </Muted>
      <ActionForm
        action={deleteForm}
        hidden={hidden}
        fields={[
          { name: "confirmSlug", label: `Type “${org.slug}” to confirm`, autoComplete: "off" },
          reasonField,
        ]}
        submitLabel="Delete organization"
        pendingLabel="Deleting…"
        submitVariant="secondary"
        reauthenticate={confirmIdentity}
      />
    </Section>
  );
}
