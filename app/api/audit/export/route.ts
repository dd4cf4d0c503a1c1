import { toResponse } from "@/lib/actions/chain";
import { withMember } from "@/lib/actions/route";
import { exportAuditLogAction } from "@/lib/audit-log/export-action";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit/export?actor=&action=&from=&to= — the organization's audit log as a CSV
 * download. Owners and admins (audit:read) of organizations on a plan with audit-log
 * export; others get the usual JSON refusal (401/403/404, 402 for the plan).
 */
export const GET = withMember({ permission: "audit:read" }, async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const filter: Record<string, string> = {};
  for (const key of ["actor", "action", "from", "to"]) {
    const value = params.get(key);
    if (value !== null) filter[key] = value;
  }
  const result = await exportAuditLogAction(filter);
  if (!result.ok) return toResponse(result);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(result.data.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
