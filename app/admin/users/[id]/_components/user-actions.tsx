import type { ReactNode } from "react";
import { brand } from "@/brand.config";
import { Muted, Section } from "@/components/ui/section";
import type { UserDetail } from "@/lib/admin/users/detail";
import {
  deleteUserForm,
  disableUserForm,
  enableUserForm,
  exportUserForm,
  resendVerificationForm,
  revokeUserSessionsForm,
  sendPasswordResetForm,
} from "../actions";
import { ExportForm } from "./export-form";
import { ReasonForm } from "./reason-form";

function Action({ title, about, children }: { title: string; about: string; children: ReactNode }) {
  return (
    <div className="grid gap-3 border-t border-zinc-200 pt-5 first:border-t-0 first:pt-0 dark:border-zinc-800">
      <div>
        <h3 className="font-medium text-zinc-950 dark:text-white">{title}</h3>
        <Muted>{about}</Muted>
      </div>
      {children}
    </div>
  );
}

/** Support actions; each asks for a reason, and the dangerous ones for a confirmation. */
export function UserActions({
  user,
  confirmIdentity,
}: {
  user: UserDetail;
  confirmIdentity: ReactNode;
}) {
  const common = { userId: user.id, reauthenticate: confirmIdentity };
  return (
    <>
      <Section id="support" title="Support" description="Emails go to the user's own address.">
        {user.emailVerifiedAt ? null : (
          <Action title="Resend verification" about="A new link to confirm their address.">
            <ReasonForm
              {...common}
              action={resendVerificationForm}
              submitLabel="Resend verification email"
              pendingLabel="Sending…"
            />
          </Action>
        )}
        <Action title="Send a password reset" about="The same email as “Forgot password?”.">
          <ReasonForm
            {...common}
            action={sendPasswordResetForm}
            submitLabel="Send password reset"
            pendingLabel="Sending…"
          />
        </Action>
        <Action
          title="Export their data"
          about={`Everything ${brand.name} holds about them, as JSON, downloaded here.`}
        >
          <ExportForm {...common} action={exportUserForm} />
        </Action>
        <Action
          title="Sign out everywhere"
          about="Ends every session, including staff viewing as them."
        >
          <ReasonForm
            {...common}
            action={revokeUserSessionsForm}
            submitLabel="End all sessions"
            pendingLabel="Signing out…"
            confirmMessage={`Sign ${user.email} out of every session?`}
          />
        </Action>
      </Section>
      <Section id="danger" title="Account access" danger>
        {user.disabledAt ? (
          <Action title="Enable" about="They can sign in again.">
            <ReasonForm
              {...common}
              action={enableUserForm}
              submitLabel="Enable account"
              pendingLabel="Enabling…"
            />
          </Action>
        ) : (
          <Action
            title="Disable"
            about="Ends every session at once and refuses sign-in until enabled."
          >
            <ReasonForm
              {...common}
              action={disableUserForm}
              submitLabel="Disable account"
              pendingLabel="Disabling…"
              confirmMessage={`Disable ${user.email}? Every session ends now.`}
            />
          </Action>
        )}
        <Action
          title="Delete"
          about="The account's own deletion: organizations only they are in go too, their subscriptions canceled at Stripe first. Cannot be undone."
        >
          <ReasonForm
            {...common}
            action={deleteUserForm}
            submitLabel="Delete account"
            pendingLabel="Deleting…"
            confirmEmail={{ label: `Type ${user.email} to confirm` }}
            confirmMessage={`Delete ${user.email} and their data for good?`}
          />
        </Action>
      </Section>
    </>
  );
}
