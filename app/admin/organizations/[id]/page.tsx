import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { organizationDetail } from "@/lib/admin/organizations/detail";
import { tenantPlacement } from "@/lib/admin/organizations/tenant-database";
import { requireStaffPage } from "@/lib/admin/page-access";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../../(account)/account/confirm-actions";
import { DangerActions } from "./_components/danger-actions";
import { day } from "./_components/facts";
import { FlagsSection } from "./_components/flags-section";
import {
  BillingTimeline,
  EmailsSection,
  StripeEventsSection,
} from "./_components/history-sections";
import { MembersSection } from "./_components/members-section";
import { PlanActions } from "./_components/plan-actions";
import { SubscriptionSection } from "./_components/subscription-section";
import { TenantDatabaseSection } from "./_components/tenant-database-section";

export const metadata: Metadata = { title: "Organization" };

const idPattern = /^[a-z0-9]{1,64}$/i;

/** One organization: its subscription, members, histories, flags and the staff actions on it. */
export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage();
  const { id } = await params;
  if (!idPattern.test(id)) notFound();
  const [detail, methods, placement] = await Promise.all([
    organizationDetail(id),
    reauthenticationMethods(staff.id),
    tenantPlacement(id),
  ]);
  if (!detail || !placement) notFound();
  const { organization: org } = detail;
  // Every staff write needs a sign-in from the last 10 minutes: offered when the server asks.
  const confirmIdentity = (
    <ConfirmIdentity
      methods={methods}
      confirmAction={reauthenticateAction}
      sendLinkAction={sendReauthenticationLinkAction}
    />
  );

  return (
    <div className="grid gap-8">
      <PageHeader
        title={
          <>
            {org.name}
            {org.suspendedAt ? <Badge tone="warning">Suspended</Badge> : null}
            {detail.complimentary ? <Badge tone="success">{detail.complimentary}</Badge> : null}
          </>
        }
        description={`${org.slug} · ${org.id} · created ${day.format(org.createdAt)}`}
      />
      <SubscriptionSection detail={detail} confirmIdentity={confirmIdentity} />
      <MembersSection members={detail.members} />
      <PlanActions detail={detail} confirmIdentity={confirmIdentity} />
      <FlagsSection
        organizationId={org.id}
        flags={detail.flags}
        confirmIdentity={confirmIdentity}
      />
      <TenantDatabaseSection
        organizationId={org.id}
        placement={placement}
        confirmIdentity={confirmIdentity}
      />
      <BillingTimeline events={detail.billingEvents} />
      <StripeEventsSection events={detail.stripeEvents} />
      <EmailsSection emails={detail.emails} />
      <DangerActions detail={detail} confirmIdentity={confirmIdentity} />
    </div>
  );
}
