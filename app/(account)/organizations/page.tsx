import type { Metadata } from "next";
import { PendingInvitations } from "./_components/pending-invitations";
import { Button } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/current-session";
import { noticeText, readNotice } from "@/lib/flash/notice";
import { listInvitationsForUser } from "@/lib/invitations/accept";
import { organizationUrl } from "@/lib/tenancy/links";
import { listMemberships } from "@/lib/tenancy/membership";

export const metadata: Metadata = { title: "Your organizations", robots: { index: false } };

const roleNames = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" } as const;

/**
 * Where people land after signing in: their organizations, invitations waiting for them,
 * and the way to create one. Someone with none of either sees the onboarding prompt.
 */
export default async function OrganizationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession("/organizations");
  const verified = session.user.emailVerified !== null;
  const [memberships, invitations, params] = await Promise.all([
    listMemberships(session.user.id),
    verified ? listInvitationsForUser(session) : [],
    searchParams,
  ]);
  const notice = readNotice(params.notice);

  return (
    <div className="grid gap-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">
            Your organizations
          </h1>
          {notice ? (
            <p role="status" className="mt-2 text-emerald-700 dark:text-emerald-400">
              {noticeText(notice)}
            </p>
          ) : null}
          {params.verified === "1" ? (
            <p role="status" className="mt-2 text-emerald-700 dark:text-emerald-400">
              Your email address is confirmed.
            </p>
          ) : null}
        </div>
        {verified && memberships.length > 0 ? (
          <Button href="/onboarding" variant="secondary">
            Create organization
          </Button>
        ) : null}
      </header>

      <PendingInvitations invitations={invitations} />

      {memberships.length > 0 ? (
        <ul className="divide-y divide-zinc-200 rounded-2xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {memberships.map(({ organization, role }) => (
            <li key={organization.id}>
              <a
                href={organizationUrl(organization.slug)}
                className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-800"
              >
                <span>
                  <span className="block font-medium text-zinc-950 dark:text-white">
                    {organization.name}
                  </span>
                  <span className="block text-sm text-zinc-500 dark:text-zinc-400">
                    {organization.slug}
                  </span>
                </span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">{roleNames[role]}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <div className="rounded-2xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
          <h2 className="text-lg font-medium text-zinc-950 dark:text-white">
            You’re not in an organization yet
          </h2>
          <p className="mt-2 text-zinc-600 dark:text-zinc-400">
            {!verified
              ? "Confirm your email address first: we sent you a link. Then create an organization or accept an invitation."
              : invitations.length > 0
                ? "Create one for your team, or accept an invitation above."
                : "Create one for your team. When someone invites you, the invitation shows up here."}
          </p>
          {verified ? (
            <div className="mt-6">
              <Button href="/onboarding">Create your organization</Button>
            </div>
          ) : (
            <div className="mt-6">
              <Button href="/account" variant="secondary">
                Go to your account
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
