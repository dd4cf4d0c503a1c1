import type { Metadata } from "next";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { PageHeader } from "@/components/ui/page-header";
import { Muted } from "@/components/ui/section";
import { memberBillingOverview } from "@/lib/billing/subscription/overview";
import { listPendingInvitations } from "@/lib/invitations/manage";
import { listMembers } from "@/lib/members/members";
import { avatarUrlsOf } from "@/lib/account/profile";
import { canLeave } from "@/lib/members/rules";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { leaveOrganizationForm } from "./actions";
import { InviteSection } from "./_components/invite-section";
import { MemberList } from "./_components/member-list";
import { PendingInvitations } from "./_components/pending-invitations";

export const metadata: Metadata = { title: "Members" };

/** Who is in the organization, who is invited, and (for those allowed) how to change that. */
export default async function MembersPage() {
  const member = await requireMember("members:read");
  const orgId = member.organization.id;
  const canInvite = can(member.role, "members:invite");
  // One transaction for the page: the lists on a replica when there is one, else with the rest.
  const [members, invitations, billing] = await Promise.all([
    listMembers(orgId, member.readReplica),
    canInvite ? listPendingInvitations(orgId, member.readReplica) : null,
    canInvite ? memberBillingOverview(member) : null,
  ]);

  const avatars = await avatarUrlsOf(members.map((m) => m.user.id));
  const owners = members.filter((m) => m.role === "OWNER").length;

  return (
    <div className="grid gap-10">
      <PageHeader
        title="Members"
        description={members.length === 1 ? "1 member" : `${members.length} members`}
      />
      <MemberList viewer={member} members={members} avatars={avatars} />
      {billing ? <InviteSection viewer={member} billing={billing} /> : null}
      {invitations ? <PendingInvitations invitations={invitations} /> : null}
      <section aria-labelledby="leave" className="grid max-w-xl gap-3">
        <h2 id="leave" className="text-lg font-medium text-zinc-950 dark:text-white">
          Leave {member.organization.name}
        </h2>
        {canLeave(member.role, owners) ? (
          <>
            <Muted>You lose access to its projects until someone invites you again.</Muted>
            <StatusButtonForm
              action={leaveOrganizationForm}
              label="Leave organization"
              pendingLabel="Leaving…"
              confirmTitle={`Leave ${member.organization.name}?`}
              confirmMessage="You lose access to its projects and settings at once. To come back, you need a new invitation."
            />
          </>
        ) : (
          <Muted>
            You are its only owner. Make someone else an owner before you leave, or delete the
            organization in Settings.
          </Muted>
        )}
      </section>
    </div>
  );
}
