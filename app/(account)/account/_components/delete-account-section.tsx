import type { ReactNode } from "react";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { DangerAction, DangerZone } from "@/components/ui/danger-zone";
import { Muted } from "@/components/ui/section";
import type { AccountDeletionSummary } from "@/lib/account/deletion-summary";
import { deleteAccountAction } from "../actions";

const projectCount = (n: number) => `${n} ${n === 1 ? "project" : "projects"}`;
const names = (list: { name: string }[]) => list.map((o) => o.name).join(", ");

/** What goes with the account: organizations it alone belongs to, with their projects and plan. */
function Consequences({ summary }: { summary: AccountDeletionSummary }) {
  return (
    <>
      <p>Your account, your sessions and your memberships are removed. This cannot be undone.</p>
      {summary.deleted.length > 0 ? (
        <div>
          <p className="font-medium text-zinc-950 dark:text-white">
            {summary.deleted.length === 1
              ? "This organization has no other member and is deleted with it:"
              : `These ${summary.deleted.length} organizations have no other member and are deleted with it:`}
          </p>
          <ul className="mt-1 list-disc pl-5" data-deleted-organizations>
            {summary.deleted.map((o) => (
              <li key={o.slug}>
                <strong className="font-medium">{o.name}</strong>: {projectCount(o.projects)},{" "}
                {o.subscription}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>No organization is deleted with it.</p>
      )}
      {summary.left.length > 0 ? (
        <p>
          You leave {names(summary.left)}: {summary.left.length === 1 ? "it stays" : "they stay"}{" "}
          with {summary.left.length === 1 ? "its" : "their"} other members.
        </p>
      ) : null}
    </>
  );
}

export function DeleteAccountSection({
  summary,
  confirmIdentity,
}: {
  summary: AccountDeletionSummary;
  confirmIdentity: ReactNode;
}) {
  return (
    <DangerZone>
      <DangerAction id="delete" title="Delete account">
        {summary.blocked.length > 0 ? (
          <Muted>
            You are the only owner of {names(summary.blocked)}, which{" "}
            {summary.blocked.length === 1 ? "has" : "have"} other members. Make one of them an
            owner, or delete the organization, before deleting your account.
          </Muted>
        ) : (
          <Muted>
            Removes your account
            {summary.deleted.length > 0
              ? ` and ${summary.deleted.length === 1 ? "1 organization" : `${summary.deleted.length} organizations`} only you belong to`
              : ""}
            . The dialog lists what goes with it.
          </Muted>
        )}
        <ConfirmActionForm
          action={deleteAccountAction}
          reauthenticate={confirmIdentity}
          triggerLabel="Delete my account"
          title="Delete your account?"
          confirmLabel="Delete my account"
          pendingLabel="Deleting…"
          typeToConfirm={{ value: "delete my account", name: "confirmation" }}
        >
          <Consequences summary={summary} />
        </ConfirmActionForm>
      </DangerAction>
    </DangerZone>
  );
}
