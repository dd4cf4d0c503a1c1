import type { Metadata } from "next";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listDeadJobsForConsole } from "@/lib/admin/jobs/dead-jobs";
import { jobsOverview } from "@/lib/admin/jobs/overview";
import { listFailedStripeEvents } from "@/lib/admin/jobs/stripe-failures";
import { requireStaffPage } from "@/lib/admin/page-access";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../(account)/account/confirm-actions";
import { DeadJobsTable } from "./_components/dead-jobs-table";
import { JobsNotices } from "./_components/notices";
import { QueueOverview } from "./_components/queue-overview";
import { StripeFailuresTable } from "./_components/stripe-failures-table";

export const metadata: Metadata = { title: "Jobs and webhooks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Dead letters of the webhooks and the job queue, with retry and discard. */
export default async function JobsPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaffPage();
  const [params, overview, events, jobs, methods] = await Promise.all([
    searchParams,
    jobsOverview(),
    listFailedStripeEvents(),
    listDeadJobsForConsole(),
    reauthenticationMethods(staff.id),
  ]);
  // Retry and discard need a recent sign-in: offered when the server asks for it.
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
        title="Jobs and webhooks"
        description="Stripe events that failed to apply and jobs that ran out of attempts. Retrying or discarding asks for a reason, kept in the audit log."
      />
      <JobsNotices done={params.done} />
      <Section
        id="stripe-events"
        title={`Failed Stripe events (${overview.failedStripeEvents})`}
        description="Stripe keeps retrying these for three days; a retry here re-reads the subscription from Stripe and applies the stored event."
      >
        <StripeFailuresTable events={events} confirmIdentity={confirmIdentity} />
      </Section>
      <Section
        id="dead-jobs"
        title={`Dead jobs (${overview.kinds.reduce((sum, kind) => sum + kind.dead, 0)})`}
        description="Emails that could not be delivered and other jobs that used up their attempts. A retry starts their attempts again."
      >
        <DeadJobsTable jobs={jobs} confirmIdentity={confirmIdentity} />
      </Section>
      <Section id="queue" title="Queue" description="Unfinished work per kind of job.">
        <QueueOverview kinds={overview.kinds} />
      </Section>
    </div>
  );
}
