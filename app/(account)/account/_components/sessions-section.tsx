import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { mediumDateTime as dateTime } from "@/lib/format/dates";
import { deviceName } from "@/lib/auth/device-name";
import { signOutOtherSessionsAction, signOutSessionAction } from "../actions";

type SessionRow = {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  lastSeenAt: Date;
};

/** Where the account is signed in, each other session with its own sign-out. */
export function SessionsSection({
  sessions,
  current,
}: {
  sessions: SessionRow[];
  current: string;
}) {
  return (
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
                {item.id === current ? <Badge tone="success">This device</Badge> : null}
              </p>
              <p className="text-zinc-600 dark:text-zinc-400">
                {item.ipAddress ?? "Unknown IP"} · last seen {dateTime.format(item.lastSeenAt)} UTC
              </p>
            </div>
            {item.id === current ? null : (
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
        <div>
          <StatusButtonForm
            action={signOutOtherSessionsAction}
            label="Sign out of other sessions"
            pendingLabel="Signing out…"
          />
        </div>
      ) : null}
    </Section>
  );
}
