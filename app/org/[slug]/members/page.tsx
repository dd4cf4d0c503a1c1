import Link from "next/link";
import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { listPendingInvitations } from "@/lib/invitations/manage";
import { billingOverview } from "@/lib/billing/subscription/overview";
import { listMembers } from "@/lib/members/members";
import { requireMember } from "@/lib/tenancy/current-member";
import { can, canAssignRole, roleRank } from "@/lib/tenancy/permissions";
import {
  changeRoleForm,
  inviteMemberForm,
  leaveOrganizationForm,
  removeMemberForm,
  resendInvitationForm,
  revokeInvitationForm,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

const roleNames = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" } as const;
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Who is in the organization, who is invited, and (for those allowed) how to change that. */
export default async function MembersPage() {
  const member = await requireMember("members:read");
  const orgId = member.organization.id;
  const canInvite = can(member.role, "members:invite");
  const [members, invitations] = await Promise.all([
    listMembers(orgId),
    canInvite ? listPendingInvitations(orgId) : Promise.resolve([]),
  ]);
  const billing = canInvite ? await billingOverview(orgId) : null;
  const me = { id: member.userId, role: member.role };
  const roleOptions = (["MEMBER", "ADMIN", "OWNER"] as const)
    .filter((role) => role !== "OWNER" || member.role === "OWNER")
    .map((role) => ({ value: role, label: roleNames[role] }));

  return (
    <div className="grid gap-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Members
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {members.length === 1 ? "1 member" : `${members.length} members`}
        </p>
      </header>

      <section aria-labelledby="member-list">
        <h2 id="member-list" className="sr-only">
          Member list
        </h2>
        <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {members.map((m) => {
            const isMe = m.user.id === member.userId;
            const assignable = roleOptions.filter(
              (option) =>
                option.value !== m.role &&
                canAssignRole(me, { id: m.user.id, role: m.role }, option.value),
            );
            const removable =
              !isMe &&
              can(member.role, "members:remove") &&
              roleRank[m.role] <= roleRank[member.role];
            return (
              <li
                key={m.id}
                className="grid gap-3 px-4 py-4 sm:grid-cols-[1fr_auto] sm:items-center"
              >
                <div>
                  <p className="font-medium text-zinc-950 dark:text-white">
                    {m.user.name ?? m.user.email}
                    {isMe ? (
                      <span className="ml-2 text-sm font-normal text-zinc-500">(you)</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {m.user.email} · {roleNames[m.role]} · joined {date.format(m.createdAt)}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-3">
                  {assignable.length > 0 ? (
                    <ActionForm
                      action={changeRoleForm}
                      submitLabel="Change role"
                      submitVariant="secondary"
                      hidden={{ membershipId: m.id }}
                      fields={[
                        {
                          name: "role",
                          label: `New role for ${m.user.name ?? m.user.email}`,
                          type: "select",
                          options: assignable,
                        },
                      ]}
                    />
                  ) : null}
                  {removable ? (
                    <StatusButtonForm
                      action={removeMemberForm}
                      label="Remove"
                      pendingLabel="Removing…"
                      hidden={{ membershipId: m.id }}
                      confirmMessage={`Remove ${m.user.email} from ${member.organization.name}?`}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {canInvite ? (
        <section aria-labelledby="invite" className="grid max-w-xl gap-4">
          <h2 id="invite" className="text-lg font-medium text-zinc-950 dark:text-white">
            Invite someone
          </h2>
          {billing ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {billing.seats.members + billing.seats.invitations} of {billing.seats.allowed} seats
              on the {billing.plan.name} plan are taken (pending invitations included).
              {billing.seats.members + billing.seats.invitations >= billing.seats.allowed ? (
                can(member.role, "billing:manage") ? (
                  <>
                    {" "}
                    <Link
                      href="/settings/billing"
                      className="font-medium underline underline-offset-2"
                    >
                      Upgrade for more seats
                    </Link>
                  </>
                ) : (
                  " An owner can upgrade for more seats."
                )
              ) : null}
            </p>
          ) : null}
          <ActionForm
            action={inviteMemberForm}
            submitLabel="Send invitation"
            pendingLabel="Sending…"
            fields={[
              {
                name: "email",
                label: "Email",
                type: "email",
                autoComplete: "off",
                inputMode: "email",
              },
              {
                name: "role",
                label: "Role",
                type: "select",
                options: roleOptions,
                defaultValue: "MEMBER",
              },
            ]}
          />
        </section>
      ) : null}

      {canInvite ? (
        <section aria-labelledby="pending" className="grid gap-4">
          <h2 id="pending" className="text-lg font-medium text-zinc-950 dark:text-white">
            Pending invitations
          </h2>
          {invitations.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              No invitations waiting for an answer.
            </p>
          ) : (
            <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {invitations.map((invitation) => {
                const expired = invitation.expiresAt <= new Date();
                return (
                  <li
                    key={invitation.id}
                    className="grid gap-3 px-4 py-4 sm:grid-cols-[1fr_auto] sm:items-center"
                  >
                    <div>
                      <p className="font-medium text-zinc-950 dark:text-white">
                        {invitation.email}
                      </p>
                      <p className="text-sm text-zinc-600 dark:text-zinc-400">
                        {roleNames[invitation.role]} ·{" "}
                        {expired ? "expired" : `expires ${date.format(invitation.expiresAt)}`}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-3">
                      <StatusButtonForm
                        action={resendInvitationForm}
                        label="Resend"
                        pendingLabel="Sending…"
                        hidden={{ invitationId: invitation.id }}
                      />
                      <StatusButtonForm
                        action={revokeInvitationForm}
                        label="Withdraw"
                        pendingLabel="Withdrawing…"
                        hidden={{ invitationId: invitation.id }}
                        confirmMessage={`Withdraw the invitation to ${invitation.email}?`}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="leave" className="grid max-w-xl gap-3">
        <h2 id="leave" className="text-lg font-medium text-zinc-950 dark:text-white">
          Leave {member.organization.name}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You lose access to its projects until someone invites you again.
        </p>
        <StatusButtonForm
          action={leaveOrganizationForm}
          label="Leave organization"
          pendingLabel="Leaving…"
          confirmMessage={`Leave ${member.organization.name}?`}
        />
      </section>
    </div>
  );
}
