import "server-only";

// The outbox became the job queue (lib/jobs); emails are one kind of job.
export {
  drainJobs as drainOutbox,
  runJobs as deliverOutbox,
  type DrainOptions,
  type RunOptions as DeliverOptions,
  type RunResult as DeliverResult,
} from "@/lib/jobs/run";
