import type { Metadata } from "next";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { parseInput } from "@/lib/actions/input";
import {
  listOrganizations,
  organizationFilterSchema,
  type OrganizationFilter,
} from "@/lib/admin/organizations/list";
import { requireStaffPage } from "@/lib/admin/page-access";
import { OrganizationFilters } from "../_components/organization-filters";
import { OrganizationPagination } from "../_components/organization-pagination";
import { OrganizationTable } from "../_components/organization-table";

export const metadata: Metadata = { title: "Organizations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every organization: search, filter by plan and status, 25 a page. */
export default async function OrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage();
  const raw = await searchParams;
  const query = Object.fromEntries(
    ["q", "plan", "status", "page"].flatMap((key) =>
      typeof raw[key] === "string" ? [[key, raw[key]]] : [],
    ),
  );
  // Invalid filters are named and ignored: the whole list shows instead.
  const parsed = parseInput(organizationFilterSchema, query);
  const filter: OrganizationFilter = parsed.success ? parsed.data : { page: 1 };
  const list = await listOrganizations(filter);
  const filtered = Boolean(filter.q || filter.plan || filter.status);

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Organizations"
        description="Plans, subscriptions, seats and revenue of every organization."
      />
      {typeof raw.deleted === "string" ? (
        <Callout tone="success">
          Deleted {raw.deleted}; its Stripe subscription was canceled.
        </Callout>
      ) : null}
      <OrganizationFilters filter={filter} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some filters were not valid and were ignored:{" "}
          {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      ) : null}
      {list.rows.length === 0 ? (
        <EmptyState>
          {filtered ? "No organization matches these filters." : "No organizations yet."}
        </EmptyState>
      ) : (
        <OrganizationTable rows={list.rows} />
      )}
      <OrganizationPagination
        filter={filter}
        page={list.page}
        pages={list.pages}
        total={list.total}
      />
    </div>
  );
}
