import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { memberBillingSnapshot } from "@/lib/billing/plans/member-snapshot";
import { readOrganizationHome } from "@/lib/org-home/read";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { OnboardingChecklist } from "./_components/onboarding-checklist";
import { RecentActivity } from "./_components/recent-activity";
import { SummaryCards } from "./_components/summary-cards";

export const metadata: Metadata = { title: "Overview" };

/**
 * The page an organization opens on: what the team has, its plan, what happened lately and,
 * for a new organization, what to do first. Every read is in the request's one transaction.
 */
export default async function OrganizationHomePage() {
  const member = await requireMember("projects:read");
  const snapshot = await memberBillingSnapshot(member);
  const home = await member.read((tx) =>
    readOrganizationHome(
      tx,
      { organizationId: member.organization.id, userId: member.userId, role: member.role },
      snapshot,
    ),
  );

  return (
    <div className="grid gap-8">
      <PageHeader
        title={member.organization.name}
        description="An overview of your organization."
        actions={
          can(member.role, "projects:write") ? (
            <Button href="/projects/new">New project</Button>
          ) : undefined
        }
      />
      {home.checklist.visible ? <OnboardingChecklist checklist={home.checklist} /> : null}
      <SummaryCards home={home} role={member.role} />
      <RecentActivity entries={home.activity} fullLog={can(member.role, "audit:read")} />
    </div>
  );
}
