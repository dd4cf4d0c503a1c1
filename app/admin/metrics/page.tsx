import type { Metadata } from "next";
import { ConfirmIdentity } from "@/components/auth/confirm-identity";
import { ActionForm } from "@/components/forms/action-form";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/ui/page-header";
import { Muted, Section } from "@/components/ui/section";
import { requireStaffPage } from "@/lib/admin/page-access";
import { reauthenticationMethods } from "@/lib/auth/flows/reauthenticate";
import { queueSnapshotRefresh } from "@/lib/metrics/refresh";
import { metricsReport } from "@/lib/metrics/report";
import { runAfterResponse } from "@/lib/outbox/after-response";
import {
  reauthenticateAction,
  sendReauthenticationLinkAction,
} from "../../(account)/account/confirm-actions";
import { recomputeMetricsForm } from "./actions";
import { ChurnChart } from "./_components/churn-chart";
import { HeadlineCards } from "./_components/headline-cards";
import { MetricsTable } from "./_components/metrics-table";
import { MovementsChart } from "./_components/movements-chart";
import { MrrChart } from "./_components/mrr-chart";
import { RefreshWhileComputing } from "./_components/refresh-while-computing";
import { SpendForm } from "./_components/spend-form";

export const metadata: Metadata = { title: "Metrics" };

/** Unit economics from the billing event log: 24 closed months and the current one so far. */
export default async function MetricsPage() {
  const staff = await requireStaffPage();
  const [report, methods] = await Promise.all([metricsReport(), reauthenticationMethods(staff.id)]);
  // Months without a fresh snapshot are computed by jobs, run after this response is sent.
  if (report.due.length > 0) {
    const { due, now } = report;
    runAfterResponse("metrics snapshots", () => queueSnapshotRefresh(due, now));
  }
  if (report.status === "computing") {
    return (
      <div className="grid gap-8">
        <PageHeader title="Metrics" description="Computed from the billing event log." />
        <Callout tone="neutral">
          Computing the monthly numbers from the billing event log: {report.ready} of {report.total}{" "}
          months are ready. This page updates by itself when they all are.
        </Callout>
        <RefreshWhileComputing />
      </div>
    );
  }
  const { months } = report;
  const current = months.at(-1)!;
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
        title="Metrics"
        description={`Computed from the billing event log. Gross margin ${Math.round(report.grossMargin * 100)} %. Amounts in USD.`}
        actions={
          <a
            href="/admin/metrics/export"
            className="rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50 focus-visible:outline-2 dark:border-zinc-700 dark:text-white dark:hover:bg-zinc-800"
          >
            Download CSV
          </a>
        }
      />
      {report.due.length > 0 ? (
        <Callout tone="neutral">
          {report.due.length === 1 ? "One month is" : `${report.due.length} months are`} being
          recomputed from the billing event log in the background; reload in a minute for the newest
          numbers.
        </Callout>
      ) : null}
      <HeadlineCards current={current} closed={months.at(-2)} />
      <Section id="charts" title="Trends">
        <div className="grid gap-8">
          <MrrChart months={months} />
          <MovementsChart months={months} />
          <ChurnChart months={months} />
        </div>
      </Section>
      <Section
        id="by-month"
        title="By month"
        description="Movements compare each organization at the start and the end of a month, so they add up to the change in MRR; complimentary organizations are counted apart and never as revenue."
      >
        <MetricsTable months={months} />
      </Section>
      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="spend" title="Sales and marketing spend">
          <SpendForm months={months} reauthenticate={confirmIdentity} />
        </Section>
        <Section id="recompute" title="Recompute">
          <Muted>
            Closed months are kept as computed after they closed; the current month refreshes daily.
            Recompute the current and previous month from the event log now.
          </Muted>
          <ActionForm
            action={recomputeMetricsForm}
            fields={[]}
            submitLabel="Recompute"
            pendingLabel="Recomputing…"
            submitVariant="secondary"
            reauthenticate={confirmIdentity}
          />
        </Section>
      </div>
    </div>
  );
}
