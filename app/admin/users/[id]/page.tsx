import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/admin/page-access";
import { getUserDetail } from "@/lib/admin/users/detail";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../../(account)/account/confirm-actions";
import { ImpersonateSection } from "./_components/impersonate-section";
import { MembershipsSection } from "./_components/memberships-section";
import { SecurityEventsSection } from "./_components/security-events-section";
import { SessionsSection } from "./_components/sessions-section";
import { UserActions } from "./_components/user-actions";
import { UserOverview } from "./_components/user-overview";

export const metadata: Metadata = { title: "User" };

type Params = Promise<{ id: string }>;

export default async function AdminUserPage({ params }: { params: Params }) {
  const staff = await requireStaffPage();
  const { id } = await params;
  const [user, methods] = await Promise.all([getUserDetail(id), reauthenticationMethods(staff.id)]);
  if (!user) notFound();
  // Staff writes need a sign-in from the last 10 minutes; offered when the server asks for it.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={methods}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );
  // Staff accounts are managed with `npm run staff`, never from here (lib/admin/users/target.ts).
  const actionable = !user.staffSince && user.id !== staff.id;

  return (
    <div className="grid gap-8">
      <PageHeader
        title={
          <>
            {user.email}
            {user.staffSince ? <Badge>Staff</Badge> : null}
            {user.disabledAt ? <Badge tone="warning">Disabled</Badge> : null}
          </>
        }
        description={user.name ?? "No name"}
      />
      <UserOverview user={user} />
      <MembershipsSection memberships={user.memberships} />
      <SessionsSection sessions={user.sessions} />
      <SecurityEventsSection userId={user.id} events={user.securityEvents} />
      {actionable ? (
        <>
          <ImpersonateSection
            user={{ id: user.id, isStaff: false, disabled: user.disabledAt !== null }}
            confirmIdentity={confirmIdentity}
          />
          <UserActions user={user} confirmIdentity={confirmIdentity} />
        </>
      ) : (
        <Callout tone="neutral">
          Staff accounts are not changed from the console. Revoke the staff role first with{" "}
          <code className="font-mono">npm run staff -- revoke {user.email}</code>.
        </Callout>
      )}
    </div>
  );
}
