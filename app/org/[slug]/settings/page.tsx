import type { Metadata } from "next";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { ActionForm } from "@/components/forms/action-form";
import { DangerZone } from "@/components/ui/danger-zone";
import { PageHeader } from "@/components/ui/page-header";
import { Muted, Section } from "@/components/ui/section";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { listMembers } from "@/lib/members/members";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../../(account)/account/confirm-actions";
import { renameOrganizationForm } from "./actions";
import { DeleteOrganization } from "./_components/delete-organization";
import { TransferOwnership } from "./_components/transfer-ownership";
import { LogoSection } from "./_components/logo-section";
import { organizationLogoUrl } from "@/lib/organizations/logo";
import { storageConfig } from "@/lib/storage/client";

export const metadata: Metadata = { title: "Settings" };

/** The organization's name, its logo, its ownership and its deletion. */
export default async function SettingsPage() {
  const member = await requireMember("org:update");
  const { organization } = member;
  const canTransfer = can(member.role, "org:transfer");
  const uploads = storageConfig() !== null;
  const [members, methods, logoUrl] = await Promise.all([
    canTransfer ? listMembers(organization.id) : [],
    reauthenticationMethods(member.userId),
    uploads ? organizationLogoUrl(organization.id) : null,
  ]);
  // Deleting and handing over need a recent sign-in: offered when the server asks for it.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={methods}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );

  return (
    <div className="grid gap-8">
      <PageHeader title="Settings" />
      <Section id="general" title="General" className="max-w-xl">
        <ActionForm
          action={renameOrganizationForm}
          submitLabel="Save"
          pendingLabel="Saving…"
          fields={[
            {
              name: "name",
              label: "Organization name",
              maxLength: 64,
              defaultValue: organization.name,
            },
          ]}
        />
        <Muted>
          The address, <strong className="font-medium">{organization.slug}</strong>, stays the same:
          links and bookmarks to it keep working.
        </Muted>
      </Section>
      {uploads ? <LogoSection name={organization.name} logoUrl={logoUrl} /> : null}
      {canTransfer ? (
        <TransferOwnership
          others={members.filter((m) => m.user.id !== member.userId)}
          confirmIdentity={confirmIdentity}
        />
      ) : null}
      {can(member.role, "org:delete") ? (
        <DangerZone className="max-w-xl">
          <DeleteOrganization organization={organization} confirmIdentity={confirmIdentity} />
        </DangerZone>
      ) : null}
    </div>
  );
}
