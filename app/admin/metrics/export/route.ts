import { brand } from "@/brand.config";
import { staffContext, toResponse } from "@/lib/actions/chain";
import { failure } from "@/lib/actions/result";
import { queueSnapshotRefresh } from "@/lib/metrics/refresh";
import { metricsReport } from "@/lib/metrics/report";
import { runAfterResponse } from "@/lib/outbox/after-response";
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
    if (report.due.length > 0) {
      const { due, now } = report;
      runAfterResponse("metrics snapshots", () => queueSnapshotRefresh(due, now));
    }
    if (report.status === "computing") {
      return Response.json(
        {
          error: `The monthly numbers are still being computed (${report.ready} of ${report.total} months ready). Try again in a minute.`,
        },
        { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } },
      );
    }
    const day = report.now.toISOString().slice(0, 10);
    return new Response(metricsCsv(report.months), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${brand.fileSlug}-metrics-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toResponse(failure(error, { action: "admin.metrics.export" }));
  }
}
