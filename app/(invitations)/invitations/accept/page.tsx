import type { Metadata } from "next";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Button } from "@/components/ui/button";
import { getCurrentSession } from "@/lib/auth/current-session";
import { findInvitationByToken } from "@/lib/invitations/accept";
import { acceptInvitationForm } from "@/app/(account)/invitations/actions";
import { InvitationPanel as Panel } from "./_components/invitation-panel";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const roleWords = { OWNER: "an owner", ADMIN: "an admin", MEMBER: "a member" } as const;

const closed = {
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  revoked:
    "This invitation was withdrawn. Ask the organization for a new one if you still need access.",
  accepted: "This invitation has already been used.",
} as const;

/**
 * The page an invitation email links to. Opening it changes nothing (mail scanners open
 * links): joining takes a button press by the signed-in owner of the invited address.
 */
export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const [invitation, session] = await Promise.all([
    typeof token === "string" && token ? findInvitationByToken(token) : null,
    getCurrentSession(),
  ]);

  if (!invitation || typeof token !== "string") {
    return (
      <Panel title="This invitation link is not valid">
        <p>Check that you opened the whole link from the email, or ask for a new invitation.</p>
      </Panel>
    );
  }
  if (invitation.state !== "valid") {
    return (
      <Panel title={`Invitation to ${invitation.organization.name}`}>
        <p>{closed[invitation.state]}</p>
      </Panel>
    );
  }

  const inviter = invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? "Someone";
  const intro = `${inviter} invited ${invitation.email} to join ${invitation.organization.name} as ${roleWords[invitation.role]}.`;
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;

  if (!session) {
    return (
      <Panel title={`Join ${invitation.organization.name}`}>
        <p>{intro}</p>
        <p>Sign in with that address, or create an account with it, to accept.</p>
        <div className="flex flex-wrap gap-3">
          <Button href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Button>
          <Button
            variant="secondary"
            href={`/sign-up?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}
          >
            Create an account
          </Button>
        </div>
      </Panel>
    );
  }
  if (session.user.email.toLowerCase() !== invitation.email) {
    return (
      <Panel title={`Join ${invitation.organization.name}`}>
        <p>{intro}</p>
        <p>
          You are signed in as {session.user.email}. Sign out and sign in as {invitation.email} to
          accept.
        </p>
      </Panel>
    );
  }
  if (!session.user.emailVerified) {
    return (
      <Panel title={`Join ${invitation.organization.name}`}>
        <p>{intro}</p>
        <p>
          Confirm your email address first, with the link we sent to {invitation.email}. After that,
          the invitation waits for you on your organizations page.
        </p>
      </Panel>
    );
  }
  return (
    <Panel title={`Join ${invitation.organization.name}`}>
      <p>{intro}</p>
      <StatusButtonForm
        action={acceptInvitationForm}
        label={`Join ${invitation.organization.name}`}
        pendingLabel="Joining…"
        variant="primary"
        hidden={{ token }}
      />
    </Panel>
  );
}
