import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { buttonClassName } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/current-session";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { remainingRecoveryCodes } from "@/lib/auth/flows/two-factor";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { passwordRules } from "@/lib/auth/password-policy";
import { listSessions } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { signOutAction } from "../../(auth)/actions";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  disableTwoFactorAction,
  resendVerificationAction,
  signOutOtherSessionsAction,
  signOutSessionAction,
} from "./actions";
import { reauthenticateAction, sendReauthenticationLinkAction } from "./confirm-actions";
import { Section } from "./_components/section";
import { StatusButtonForm } from "@/components/forms/status-button-form";
import { TwoFactorSetup } from "./_components/two-factor-setup";
import { Callout } from "@/components/ui/callout";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const dateTime = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A short name for a user agent: enough to recognise a device, no fingerprinting. */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Chrome\//.test(userAgent)
      ? "Chrome"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} on ${system}` : browser;
}

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession("/account");
  const params = await searchParams;
  const { user } = session;
  const [sessions, recoveryLeft, methods] = await Promise.all([
    listSessions(db, user.id),
    user.twoFactorEnabled ? remainingRecoveryCodes(user.id) : Promise.resolve(0),
    reauthenticationMethods(user.id),
  ]);
  // Shown under a dangerous form when it was refused for want of a recent sign-in.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={methods}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );

  return (
    <div className="grid gap-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Your account
        </h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          Signed in as{" "}
          <strong className="font-medium text-zinc-900 dark:text-zinc-100">{user.email}</strong>
        </p>
      </header>

      {params.verified === "1" ? <Callout tone="success">Your email is confirmed.</Callout> : null}
      {params.confirmed === "1" ? (
        <Callout tone="success">
          Thanks, that&apos;s confirmed for the next 10 minutes. You can make your change now.
        </Callout>
      ) : null}
      {params.confirm === "failed" ? (
        <Callout tone="error">
          That confirmation link did not work: it may have expired or been used already. Ask for a
          new one where you make the change.
        </Callout>
      ) : null}

      <Section id="profile" title="Profile">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-zinc-500">Name</dt>
          <dd className="text-zinc-900 dark:text-zinc-100">{user.name ?? "—"}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd className="text-zinc-900 dark:text-zinc-100">
            {user.email}{" "}
            {user.emailVerified ? (
              <span className="ml-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
                Confirmed
              </span>
            ) : (
              <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
                Not confirmed
              </span>
            )}
          </dd>
        </dl>
        {!user.emailVerified ? (
          <div className="mt-5 grid gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/30 dark:text-amber-100">
            <p>
              Confirm your email to create or join an organization. We sent you a link when you
              signed up.
            </p>
            <StatusButtonForm
              action={resendVerificationAction}
              label="Send a new link"
              pendingLabel="Sending…"
            />
          </div>
        ) : null}
      </Section>

      <Section
        id="email"
        title="Email address"
        description="We send a link to the new address; the change takes effect once you follow it."
      >
        <ActionForm
          action={changeEmailAction}
          reauthenticate={confirmIdentity}
          submitVariant="secondary"
          submitLabel="Change email"
          pendingLabel="Sending link…"
          fields={[
            {
              name: "newEmail",
              label: "New email",
              type: "email",
              autoComplete: "email",
              inputMode: "email",
            },
            ...(user.hasPassword
              ? [
                  {
                    name: "currentPassword",
                    label: "Current password",
                    type: "password" as const,
                    autoComplete: "current-password",
                  },
                ]
              : []),
          ]}
        />
      </Section>

      {user.hasPassword ? (
        <Section
          id="password"
          title="Password"
          description="Changing it signs you out everywhere else."
        >
          <ActionForm
            action={changePasswordAction}
            reauthenticate={confirmIdentity}
            submitVariant="secondary"
            submitLabel="Change password"
            pendingLabel="Saving…"
            fields={[
              {
                name: "currentPassword",
                label: "Current password",
                type: "password",
                autoComplete: "current-password",
              },
              {
                name: "newPassword",
                label: "New password",
                type: "password",
                autoComplete: "new-password",
                description: `At least ${passwordRules.minLength} characters.`,
              },
            ]}
          />
        </Section>
      ) : null}

      <Section
        id="two-factor"
        title="Two-factor authentication"
        description="Ask for a code from an authenticator app at every sign-in, on top of your password or email link."
      >
        {user.twoFactorEnabled ? (
          <div className="grid gap-4">
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              On. {recoveryLeft} recovery {recoveryLeft === 1 ? "code" : "codes"} left.
            </p>
            <ActionForm
              action={disableTwoFactorAction}
              reauthenticate={confirmIdentity}
              submitVariant="secondary"
              submitLabel="Turn off two-factor authentication"
              pendingLabel="Turning off…"
              fields={[
                {
                  name: "code",
                  label: "Current code from your app",
                  autoComplete: "one-time-code",
                  inputMode: "numeric",
                  maxLength: 20,
                },
              ]}
            />
          </div>
        ) : (
          <TwoFactorSetup reauthenticate={confirmIdentity} />
        )}
      </Section>

      <Section
        id="sessions"
        title="Sessions"
        description="Where your account is signed in. Sign out of anything you do not recognise."
      >
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {sessions.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0"
            >
              <div className="text-sm">
                <p className="font-medium text-zinc-900 dark:text-zinc-100">
                  {deviceName(item.userAgent)}
                  {item.id === session.sessionId ? (
                    <span className="ml-2 text-xs font-normal text-emerald-700 dark:text-emerald-300">
                      This device
                    </span>
                  ) : null}
                </p>
                <p className="text-zinc-600 dark:text-zinc-400">
                  {item.ipAddress ?? "Unknown IP"} · last seen {dateTime.format(item.lastSeenAt)}{" "}
                  UTC
                </p>
              </div>
              {item.id === session.sessionId ? null : (
                <StatusButtonForm
                  action={signOutSessionAction}
                  hidden={{ sessionId: item.id }}
                  label="Sign out"
                  variant="ghost"
                />
              )}
            </li>
          ))}
        </ul>
        {sessions.length > 1 ? (
          <div className="mt-4">
            <StatusButtonForm
              action={signOutOtherSessionsAction}
              label="Sign out of other sessions"
              pendingLabel="Signing out…"
            />
          </div>
        ) : null}
      </Section>

      <Section
        id="data"
        title="Your data"
        description="A JSON file with everything Keel holds about you. We email you a link to it."
      >
        <form method="post" action="/api/account/export">
          <button type="submit" className={buttonClassName({ variant: "secondary" })}>
            Email me my data
          </button>
        </form>
      </Section>

      <Section id="sign-out" title="Sign out">
        <form action={signOutAction}>
          <button type="submit" className={buttonClassName({ variant: "secondary" })}>
            Sign out
          </button>
        </form>
      </Section>

      <Section
        id="delete"
        title="Delete account"
        description="Removes your account, your sessions and your memberships. This cannot be undone."
      >
        <ActionForm
          action={deleteAccountAction}
          reauthenticate={confirmIdentity}
          submitVariant="secondary"
          submitLabel="Delete my account"
          pendingLabel="Deleting…"
          fields={[
            {
              name: "confirmation",
              label: 'Type "delete my account" to confirm',
              autoComplete: "off",
            },
          ]}
        />
      </Section>
    </div>
  );
}
