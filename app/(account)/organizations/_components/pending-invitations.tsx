import { StatusButtonForm } from "@/components/forms/status-button-form";
import { acceptInvitationByIdForm } from "@/app/(account)/invitations/actions";
import type { InvitationView } from "@/lib/invitations/accept";

const roleWords = { OWNER: "an owner", ADMIN: "an admin", MEMBER: "a member" } as const;

/** Invitations waiting for the signed-in user's confirmed address, each one click from joining. */
export function PendingInvitations({ invitations }: { invitations: InvitationView[] }) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="pending-invitations" className="grid gap-3">
      <h2 id="pending-invitations" className="text-lg font-semibold text-zinc-950 dark:text-white">
        Invitations
      </h2>
      <ul className="grid gap-3">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-brand-200 bg-brand-50 px-5 py-4 dark:border-brand-900 dark:bg-brand-950"
          >
            <p className="text-sm text-zinc-800 dark:text-zinc-200">
              <strong className="font-semibold">
                {invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? "Someone"}
              </strong>{" "}
              invited you to join{" "}
              <strong className="font-semibold">{invitation.organization.name}</strong> as{" "}
              {roleWords[invitation.role]}.
            </p>
            <StatusButtonForm
              action={acceptInvitationByIdForm}
              label={`Join ${invitation.organization.name}`}
              pendingLabel="Joining…"
              variant="primary"
              hidden={{ invitationId: invitation.id }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
