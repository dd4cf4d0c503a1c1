import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Muted, Section } from "@/components/ui/section";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { compForm, endCompForm, limitsForm } from "../actions";
import { reasonField } from "./facts";

/** Comp a plan, end a comp, and raise (or reset) this organization's limits. */
export function PlanActions({
  detail,
  confirmIdentity,
}: {
  detail: OrganizationDetail;
  confirmIdentity: ReactNode;
}) {
  const { organization: org } = detail;
  const hidden = { organizationId: org.id };
  return (
    <Section id="comp" title="Complimentary plan and limits">
      <Muted>
        {detail.complimentary ??
          "No complimentary plan. A comp gives Pro or Business without Stripe; it never counts as revenue."}
      </Muted>
      <ActionForm
        action={compForm}
        hidden={hidden}
        fields={[
          {
            name: "plan",
            label: "Plan",
            type: "select",
            options: [
              { value: "pro", label: "Pro" },
              { value: "business", label: "Business" },
            ],
          },
          {
            name: "days",
            label: "Days (1 to 365)",
            inputMode: "numeric",
            defaultValue: "30",
            maxLength: 3,
          },
          reasonField,
        ]}
        submitLabel="Grant complimentary plan"
        pendingLabel="Granting…"
        submitVariant="secondary"
        reauthenticate={confirmIdentity}
      />
      {detail.complimentary ? (
        <ActionForm
          action={endCompForm}
          hidden={hidden}
          fields={[reasonField]}
          submitLabel="End complimentary plan now"
          pendingLabel="Ending…"
          submitVariant="secondary"
          reauthenticate={confirmIdentity}
        />
      ) : null}
      <ActionForm
        action={limitsForm}
        hidden={hidden}
        fields={[
          {
            name: "seatLimit",
            label: "Seat limit (empty: the plan's)",
            inputMode: "numeric",
            required: false,
            defaultValue: org.seatLimit?.toString() ?? "",
          },
          {
            name: "projectLimit",
            label: "Project limit (empty: the plan's)",
            inputMode: "numeric",
            required: false,
            defaultValue: org.projectLimit?.toString() ?? "",
          },
          reasonField,
        ]}
        submitLabel="Save limits"
        pendingLabel="Saving…"
        submitVariant="secondary"
        reauthenticate={confirmIdentity}
      />
    </Section>
  );
}
