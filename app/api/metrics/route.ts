import { env } from "@/lib/env";
import { hasBearer } from "@/lib/http/cron-auth";
import { observeJobQueue } from "@/lib/jobs/metrics";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus exposition of this server process, for a scraper that
 * sends `Authorization: Bearer <METRICS_TOKEN>`. Without the token configured, or without
 * the right one, the endpoint does not exist (404), so it tells a prober nothing.
 */
export async function GET(request: Request): Promise<Response> {
  if (!env.METRICS_TOKEN || !hasBearer(request, env.METRICS_TOKEN)) {
    return Response.json({ error: "Not found." }, { status: 404 });
  }
  observeJobQueue();
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
