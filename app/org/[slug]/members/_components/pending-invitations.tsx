import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Row, RowList } from "@/components/ui/list";
import { Muted } from "@/components/ui/section";
import type { PendingInvitation } from "@/lib/invitations/manage";
import { roleNames } from "@/lib/tenancy/permissions";
import { resendInvitationForm, revokeInvitationForm } from "../actions";
import { memberDate } from "./format";

/** Invitations not answered yet, each with resend and withdraw. */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const now = new Date();
  return (
    <section aria-labelledby="pending" className="grid gap-4">
      <h2 id="pending" className="text-lg font-medium text-zinc-950 dark:text-white">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <Muted>No invitations waiting for an answer.</Muted>
      ) : (
        <RowList>
          {invitations.map((invitation) => (
            <Row
              key={invitation.id}
              title={invitation.email}
              details={`${roleNames[invitation.role]} · ${
                invitation.expiresAt <= now
                  ? "expired"
                  : `expires ${memberDate.format(invitation.expiresAt)}`
              }`}
              actions={
                <>
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
                </>
              }
            />
          ))}
        </RowList>
      )}
    </section>
  );
}
