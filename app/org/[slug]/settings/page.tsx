import type { Metadata } from "next";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { ActionForm } from "@/components/forms/action-form";
import { SettingsSection } from "@/components/org/settings-section";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { listMembers } from "@/lib/members/members";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../../(account)/account/confirm-actions";
import { deleteOrganizationForm, renameOrganizationForm, transferOwnershipForm } from "./actions";

export const metadata: Metadata = { title: "Settings" };

/** The organization's name, its ownership and its deletion. */
export default async function SettingsPage() {
  const member = await requireMember("org:update");
  const { organization } = member;
  const others = can(member.role, "org:transfer")
    ? (await listMembers(organization.id)).filter((m) => m.user.id !== member.userId)
    : [];
  // Deleting and handing over need a recent sign-in: offered when the server asks for it.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={await reauthenticationMethods(member.userId)}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );

  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        Settings
      </h1>
      <SettingsSection id="general" title="General" className="max-w-xl">
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
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The address, <strong className="font-medium">{organization.slug}</strong>, stays the same:
          links and bookmarks to it keep working.
        </p>
      </SettingsSection>

      {can(member.role, "org:transfer") ? (
        <SettingsSection id="transfer" title="Transfer ownership" className="max-w-xl">
          {others.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Invite someone first: ownership goes to another member.
            </p>
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
        </SettingsSection>
      ) : null}

      {can(member.role, "org:delete") ? (
        <SettingsSection id="delete" title="Delete organization" danger className="max-w-xl">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Deletes {organization.name} with all its projects, members, invitations and history.
            This cannot be undone.
          </p>
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
        </SettingsSection>
      ) : null}
    </div>
  );
}
