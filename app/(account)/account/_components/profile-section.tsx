import { ActionForm } from "@/components/forms/action-form";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { DirectUploadForm } from "@/components/uploads/direct-upload-form";
import { resendVerificationAction } from "../actions";
import {
  confirmAvatarUpload,
  prepareAvatarUpload,
  removeAvatarForm,
  updateNameForm,
} from "../profile-actions";

type Profile = {
  name: string | null;
  email: string;
  emailVerified: Date | null;
  avatarUrl: string | null;
};

/** Name, picture and email, and a new confirmation link while the address is not confirmed. */
export function ProfileSection({ user, uploads }: { user: Profile; uploads: boolean }) {
  return (
    <Section id="profile" title="Profile">
      <div className="flex items-center gap-4">
        <Avatar name={user.name ?? user.email} src={user.avatarUrl} size="lg" />
        <dl className="grid grid-cols-[4rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">Email</dt>
          <dd className="break-all text-zinc-900 dark:text-zinc-100">
            {user.email}{" "}
            {user.emailVerified ? (
              <Badge tone="success">Confirmed</Badge>
            ) : (
              <Badge tone="warning">Not confirmed</Badge>
            )}
          </dd>
        </dl>
      </div>
      <ActionForm
        action={updateNameForm}
        submitLabel="Save name"
        pendingLabel="Saving…"
        submitVariant="secondary"
        fields={[
          {
            name: "name",
            label: "Name",
            maxLength: 100,
            autoComplete: "name",
            defaultValue: user.name ?? "",
          },
        ]}
      />
      {uploads ? (
        <div className="grid gap-3">
          <DirectUploadForm
            kind="avatar"
            label="Picture"
            submitLabel="Upload picture"
            prepare={prepareAvatarUpload}
            confirm={confirmAvatarUpload}
          />
          {user.avatarUrl ? (
            <StatusButtonForm
              action={removeAvatarForm}
              label="Remove picture"
              pendingLabel="Removing…"
              variant="ghost"
            />
          ) : null}
        </div>
      ) : null}
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
