import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { ConsoleDeadJob } from "@/lib/admin/jobs/dead-jobs";
import { discardJobForm, retryJobForm } from "../actions";
import { failedAt } from "./format";
import { RowActions } from "./row-actions";

const cell = "px-4 py-2 align-top";

/** Jobs that used up their attempts (emails that could not be delivered among them), newest first. */
export function DeadJobsTable({
  jobs,
  confirmIdentity,
}: {
  jobs: ConsoleDeadJob[];
  confirmIdentity: ReactNode;
}) {
  if (jobs.length === 0) return <EmptyState>Nothing failed.</EmptyState>;
  return (
    <Table
      framed
      caption="Dead jobs"
      columns={["Job", "Attempts", "Last error", "Created (UTC)", ""]}
    >
      {jobs.map((job) => (
        <tr key={job.id}>
          <td className={cell}>
            <div className="font-medium">{job.kind}</div>
            {job.recipient ? <div>To {job.recipient}</div> : null}
            <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{job.id}</div>
          </td>
          <td className={cell}>{job.attempts}</td>
          <td className={`${cell} max-w-sm font-mono text-xs break-words`}>
            {job.lastError ?? "—"}
          </td>
          <td className={`${cell} whitespace-nowrap`}>{failedAt.format(job.createdAt)}</td>
          <td className={cell}>
            <RowActions
              subject={`${job.kind} job ${job.id}`}
              hidden={{ jobId: job.id }}
              retry={retryJobForm}
              discard={discardJobForm}
              confirmIdentity={confirmIdentity}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
