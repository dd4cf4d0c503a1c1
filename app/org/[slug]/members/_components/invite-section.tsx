import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Muted } from "@/components/ui/section";
import { limitMessage } from "@/lib/billing/plans/upgrade";
import type { BillingOverview } from "@/lib/billing/subscription/overview";
import { MAX_INVITATIONS_AT_ONCE } from "@/lib/invitations/schemas";
import { invitableRoles } from "@/lib/members/rules";
import { roleNames } from "@/lib/tenancy/permissions";
import type { CurrentMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { inviteMemberForm } from "../actions";

function SeatNotice({ viewer, billing }: { viewer: CurrentMember; billing: BillingOverview }) {
  const taken = billing.seats.members + billing.seats.invitations;
  const full = taken >= billing.seats.allowed;
  const next = limitMessage(billing.plan, { kind: "seats" }).upgradeTo;
  return (
    <Muted>
      {taken} of {billing.seats.allowed} seats on the {billing.plan.name} plan are taken (pending
      invitations included).
      {full && next ? (
        <>
          {` ${next.name} includes ${next.entitlements.seats} members.`}
          {can(viewer.role, "billing:manage") ? (
            <>
              {" "}
              <Link href="/settings/billing" className="font-medium underline underline-offset-2">
                Upgrade for more seats
              </Link>
            </>
          ) : (
            " An owner can upgrade for more seats."
          )}
        </>
      ) : null}
    </Muted>
  );
}

/** The invitation form, with how many seats the plan has left. */
export function InviteSection({
  viewer,
  billing,
}: {
  viewer: CurrentMember;
  billing: BillingOverview;
}) {
  return (
    <section aria-labelledby="invite" className="grid max-w-xl gap-4">
      <h2 id="invite" className="text-lg font-medium text-zinc-950 dark:text-white">
        Invite people
      </h2>
      <SeatNotice viewer={viewer} billing={billing} />
      <ActionForm
        action={inviteMemberForm}
        submitLabel="Send invitations"
        pendingLabel="Sending…"
        fields={[
          {
            name: "emails",
            label: "Email addresses",
            type: "textarea",
            autoComplete: "off",
            maxLength: 6000,
            description: `One or more, separated by commas or new lines (up to ${MAX_INVITATIONS_AT_ONCE}). All or nothing: if one address cannot be invited, or the batch needs more seats than are left, no invitation is sent.`,
          },
          {
            name: "role",
            label: "Role",
            type: "select",
            options: invitableRoles(viewer.role).map((role) => ({
              value: role,
              label: roleNames[role],
            })),
            defaultValue: "MEMBER",
          },
        ]}
      />
    </section>
  );
}
