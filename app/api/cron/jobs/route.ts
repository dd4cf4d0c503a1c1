import { cronRefusal } from "@/lib/http/cron-auth";
import { drainQueueResponse } from "@/lib/jobs/drain-route";

export const dynamic = "force-dynamic";
// The drain stops starting jobs after 20 s; one in flight may take 10 s more.
export const maxDuration = 60;

/**
 * Runs what the job queue holds: jobs whose run after the response failed or never ran,
 * retries, delayed jobs, and the daily retention. Vercel Cron calls it (vercel.json) with
 * the CRON_SECRET bearer token; other schedulers can GET or POST it the same way.
 */
async function handle(request: Request): Promise<Response> {
  return cronRefusal(request) ?? drainQueueResponse();
}

export const GET = handle;
export const POST = handle;
