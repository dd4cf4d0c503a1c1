// The path schedulers were given before the outbox became the job queue.
export { dynamic, GET, maxDuration, POST } from "../jobs/route";
