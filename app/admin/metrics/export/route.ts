import { staffContext, toResponse } from "@/lib/actions/chain";
import { failure } from "@/lib/actions/result";
import { metricsReport } from "@/lib/metrics/report";
import { metricsCsv } from "@/lib/metrics/series";

export const dynamic = "force-dynamic";

/**
 * GET /admin/metrics/export — every series of the metrics page, one row per month, as CSV.
 * Staff only: anyone else gets 404, staff without 2FA 403, like every console action.
 */
export async function GET(): Promise<Response> {
  try {
    await staffContext();
    const report = await metricsReport();
    const day = report.now.toISOString().slice(0, 10);
    return new Response(metricsCsv(report.months), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="keel-metrics-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toResponse(failure(error, { action: "admin.metrics.export" }));
  }
}
