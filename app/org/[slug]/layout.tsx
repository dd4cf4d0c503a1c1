import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { PastDueBanner } from "@/components/billing/past-due-banner";
import { TrialBanner } from "@/components/billing/trial-banner";
import { MovingBanner } from "@/components/org/moving-banner";
import { OrgNav, type OrgNavItem } from "@/components/org/org-nav";
import { OrgSwitcher } from "@/components/org/org-switcher";
import { AppShell } from "@/components/shell/app-shell";
import { SignedOut } from "@/components/shell/signed-out";
import { SiteShell } from "@/components/shell/site-shell";
import { getCurrentSession } from "@/lib/auth/current-session";
import { requestedPath } from "@/lib/auth/return-path";
import { paymentStatusOf } from "@/lib/billing/plans/entitlements";
import { memberBillingSnapshot } from "@/lib/billing/plans/member-snapshot";
import { trialOf } from "@/lib/billing/trial/trial-of";
import { env } from "@/lib/env";
import { getCurrentMember, getSuspendedMembership } from "@/lib/tenancy/current-member";
import { organizationUrl } from "@/lib/tenancy/links";
import { findOrganizationBySlug } from "@/lib/tenancy/organizations";
import { can, type Permission } from "@/lib/tenancy/permissions";
import { requestHost } from "@/lib/tenancy/request-host";
import { readThemeChoice } from "@/lib/theme/cookie";
import { signOutAction } from "../../(auth)/actions";
import { SuspendedNotice } from "./_components/suspended-notice";

type OrganizationLayoutProps = {
  children: ReactNode;
  params: Promise<{ slug: string }>;
};

const sections: (OrgNavItem & { permission: Permission })[] = [
  { href: "/", label: "Overview", permission: "projects:read" },
  { href: "/projects", label: "Projects", permission: "projects:read" },
  { href: "/members", label: "Members", permission: "members:read" },
  { href: "/settings", label: "Settings", permission: "org:update" },
  { href: "/settings/api-keys", label: "API keys", permission: "org:update" },
  { href: "/settings/audit", label: "Audit log", permission: "audit:read" },
  { href: "/settings/billing", label: "Billing", permission: "billing:manage" },
];

/**
 * Pages of one organization, reached at `<slug>.<ROOT_DOMAIN>` through proxy.ts. The
 * proxy already refuses `/org/...` addressed directly; checking here that the Host names
 * this very organization keeps that true if a request ever skips the proxy. Visitors who
 * are not members learn nothing beyond the organization's name: signed out, they are
 * asked to sign in; signed in, they get the not-found page.
 */
export default async function OrganizationLayout({ children, params }: OrganizationLayoutProps) {
  const { slug } = await params;
  const host = await requestHost();
  if (host.kind !== "tenant" || host.slug !== slug) notFound();

  const session = await getCurrentSession();
  if (!session) {
    // Signed out: the organization's public name, read only here. Members get it with
    // their membership, in the request's one transaction.
    const organization = await findOrganizationBySlug(slug);
    if (!organization) notFound();
    return (
      <SiteShell user={null}>
        <div className="mx-auto w-full max-w-3xl px-5 py-10 sm:py-14">
          <SignedOut
            title={`Sign in to ${organization.name}`}
            description="Sign in with your account to open this organization’s workspace."
            returnTo={await requestedPath("/")}
          />
        </div>
      </SiteShell>
    );
  }
  const user = { name: session.user.name, email: session.user.email };
  // Account pages live on the root host: absolute links work from an organization's subdomain.
  const shell = {
    user,
    theme: await readThemeChoice(),
    links: { account: `${env.appUrl}/account`, organizations: `${env.appUrl}/organizations` },
    signOut: signOutAction,
  };
  const member = await getCurrentMember();
  if (!member) {
    const suspended = await getSuspendedMembership();
    if (!suspended) notFound();
    return (
      <AppShell {...shell}>
        <SuspendedNotice organizationName={suspended.organization.name} />
      </AppShell>
    );
  }

  const snapshot = await memberBillingSnapshot(member);
  const billing = paymentStatusOf(snapshot);
  const trial = trialOf(snapshot);
  return (
    <AppShell
      {...shell}
      context={
        <OrgSwitcher
          current={member.organization}
          organizations={member.memberships.map(({ organization: org }) => ({
            slug: org.slug,
            name: org.name,
            href: organizationUrl(org.slug),
          }))}
          createHref={`${env.appUrl}/onboarding`}
        />
      }
      navigation={
        <OrgNav
          items={sections
            .filter((section) => can(member.role, section.permission))
            .map(({ href, label }) => ({ href, label }))}
        />
      }
    >
      {member.movingSince ? <MovingBanner organizationName={member.organization.name} /> : null}
      {billing.pastDue ? (
        <PastDueBanner
          organizationName={member.organization.name}
          readOnly={billing.readOnly}
          readOnlyFrom={billing.readOnlyFrom}
          canManageBilling={can(member.role, "billing:manage")}
        />
      ) : null}
      {trial ? (
        <TrialBanner
          left={trial.left}
          planName={trial.plan.name}
          canManageBilling={can(member.role, "billing:manage")}
        />
      ) : null}
      <div className="mx-auto w-full max-w-6xl flex-1 px-5 py-8 sm:px-6 lg:px-8">{children}</div>
    </AppShell>
  );
}
