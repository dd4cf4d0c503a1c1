import { healthResponse } from "@/lib/health/checks";
import { appHealthDependencies } from "@/lib/health/dependencies";
import { readinessResponse } from "@/lib/health/readiness";
import { queueStats } from "@/lib/jobs/stats";

// Every request must reach the dependencies: a cached "ok" would hide an outage.
export const dynamic = "force-dynamic";

/** Liveness; with `?ready=1`, readiness, which also reports the job queue (README). */
export async function GET(request?: Request): Promise<Response> {
  const dependencies = appHealthDependencies();
  if (request && new URL(request.url).searchParams.get("ready") === "1") {
    return readinessResponse({ ...dependencies, queue: () => queueStats() });
  }
  return healthResponse(dependencies);
}
