import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Section } from "@/components/ui/section";
import { impersonateUserForm } from "./impersonate-actions";

/**
 * "View as this user" on a user's page in the console. Not offered for staff; the action
 * refuses them anyway (lib/admin/impersonation/start.ts).
 */
export function ImpersonateSection({
  user,
  confirmIdentity,
}: {
  user: { id: string; isStaff: boolean; disabled: boolean };
  confirmIdentity?: ReactNode;
}) {
  const unavailable = user.isStaff
    ? "Staff cannot view as other staff."
    : user.disabled
      ? "This account is disabled. Enable it first to view as this user."
      : null;
  return (
    <Section
      id="impersonate"
      title="View as this user"
      description="See the app exactly as they do, for at most 30 minutes. Billing changes, security settings and deletions are refused; everything you do is recorded, and they will see this access and your reason in their security history."
    >
      {unavailable ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{unavailable}</p>
      ) : (
        <ActionForm
          action={impersonateUserForm}
          hidden={{ userId: user.id }}
          reauthenticate={confirmIdentity}
          submitVariant="secondary"
          submitLabel="View as this user"
          pendingLabel="Opening…"
          fields={[
            {
              name: "reason",
              label: "Reason",
              type: "textarea",
              maxLength: 500,
              description: "Shown to the user. For example, the support ticket you are working on.",
            },
          ]}
        />
      )}
    </Section>
  );
}
