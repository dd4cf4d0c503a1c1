import "server-only";

export {
  drainJobs as drainOutbox,
  runJobs as deliverOutbox,
  type DrainOptions,
  type RunOptions as DeliverOptions,
  type RunResult as DeliverResult,
} from "@/lib/jobs/run";
