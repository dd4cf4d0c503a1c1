import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { parseInput } from "@/lib/actions/input";
import { hasAuditFilter } from "@/lib/audit/display";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit-log/query";
import { memberBillingOverview } from "@/lib/billing/subscription/overview";
import { listMembers } from "@/lib/members/members";
import { requireMember } from "@/lib/tenancy/current-member";
import { can } from "@/lib/tenancy/permissions";
import { AuditExport } from "./_components/audit-export";
import { AuditFilters } from "./_components/audit-filters";
import { AuditPagination } from "./_components/audit-pagination";
import { AuditTable } from "./_components/audit-table";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Who did what, when and from where, for owners and admins. */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requireMember("audit:read");
  const raw = await searchParams;
  const query = Object.fromEntries(
    ["actor", "action", "from", "to", "page"].flatMap((key) =>
      typeof raw[key] === "string" ? [[key, raw[key]]] : [],
    ),
  );
  // Invalid filters are named and ignored: the whole log shows instead.
  const parsed = parseInput(auditFilterSchema, query);
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1 };
  // The same checked action an API would call.
  const [result, members, billing] = await Promise.all([
    listAuditLogAction(parsed.success ? query : {}),
    listMembers(member.organization.id, member.readReplica),
    memberBillingOverview(member),
  ]);
  if (!result.ok) throw new Error(result.error);
  const log = result.data;

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Audit log"
        actions={
          <AuditExport
            filter={filter}
            included={billing.plan.entitlements.auditExport}
            canUpgrade={can(member.role, "billing:manage")}
          />
        }
      />
      <AuditFilters filter={filter} members={members} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some filters were not valid and were ignored:{" "}
          {parsed.error.issues.map((i) => i.message).join(" ")}
        </p>
      ) : null}
      <AuditTable entries={log.entries} filtered={hasAuditFilter(filter)} />
      <AuditPagination filter={filter} page={log.page} hasMore={log.hasMore} />
    </div>
  );
}
