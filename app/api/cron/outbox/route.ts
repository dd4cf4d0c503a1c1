// The path schedulers were given before the outbox became the job queue.
export { GET, POST } from "../jobs/route";

// Segment config is read from each route file itself, so it is repeated here.
export const dynamic = "force-dynamic";
export const maxDuration = 60;
