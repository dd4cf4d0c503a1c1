import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { resendVerificationAction } from "../actions";

type Profile = { name: string | null; email: string; emailVerified: Date | null };

/** Name and email, and a new confirmation link while the address is not confirmed. */
export function ProfileSection({ user }: { user: Profile }) {
  return (
    <Section id="profile" title="Profile">
      <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Name</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">{user.name ?? "—"}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Email</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">
          {user.email}{" "}
          {user.emailVerified ? (
            <Badge tone="success">Confirmed</Badge>
          ) : (
            <Badge tone="warning">Not confirmed</Badge>
          )}
        </dd>
      </dl>
      {!user.emailVerified ? (
        <div className="grid gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/30 dark:text-amber-100">
          <p>
            Confirm your email to create or join an organization. We sent you a link when you signed
            up.
          </p>
          <StatusButtonForm
            action={resendVerificationAction}
            label="Send a new link"
            pendingLabel="Sending…"
          />
        </div>
      ) : null}
    </Section>
  );
}
