import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { organizationAuditActions } from "@/lib/audit/actions";
import { listAuditLogAction } from "@/lib/audit-log/list-action";
import { auditFilterSchema, type AuditFilter } from "@/lib/audit-log/query";
import { billingOverview } from "@/lib/billing/subscription/overview";
import { can } from "@/lib/tenancy/permissions";
import { listMembers } from "@/lib/members/members";
import { requireMember } from "@/lib/tenancy/current-member";
import { parseInput } from "@/lib/actions/input";

export const metadata: Metadata = { title: "Audit log" };

const time = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "member.role_changed" → "Member role changed". */
function describe(action: string): string {
  const words = action.replace(/[._]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function summary(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return "";
  return Object.entries(metadata as Record<string, unknown>)
    .filter(([, value]) => typeof value === "string" || typeof value === "number")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(" · ");
}

function pageHref(filter: AuditFilter, page: number) {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  return `/settings/audit?${params.toString()}`;
}

const selectClass =
  "block h-10 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Who did what, when and from where, for owners and admins. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember("audit:read");
  const raw = await searchParams;
  const query = Object.fromEntries(
    ["actor", "action", "from", "to", "page"].flatMap((key) =>
      typeof raw[key] === "string" ? [[key, raw[key]]] : [],
    ),
  );
  // The same checked action an API would call; invalid filters fall back to the whole log.
  let result = await listAuditLogAction(query);
  const invalid = !result.ok && result.status === 422 ? result.fieldErrors : undefined;
  if (invalid) result = await listAuditLogAction({});
  if (!result.ok) throw new Error(result.error);
  const log = result.data;
  const parsed = parseInput(auditFilterSchema, invalid ? {} : query);
  const filter: AuditFilter = parsed.success ? parsed.data : { page: 1 };
  const [members, billing] = await Promise.all([
    listMembers(member.organization.id),
    billingOverview(member.organization.id),
  ]);
  const exportParams = new URLSearchParams();
  for (const key of ["actor", "action", "from", "to"] as const) {
    const value = filter[key];
    if (value) exportParams.set(key, value);
  }

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
          Audit log
        </h1>
        {billing.plan.entitlements.auditExport ? (
          <Button href={`/api/audit/export?${exportParams.toString()}`} variant="secondary">
            Download CSV
          </Button>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            CSV export comes with the Business plan.{" "}
            {can(member.role, "billing:manage") ? (
              <Link href="/settings/billing" className="font-medium underline underline-offset-2">
                Upgrade
              </Link>
            ) : null}
          </p>
        )}
      </div>
      <form action="/settings/audit" className="grid gap-4 sm:grid-cols-5 sm:items-end">
        <label className="grid gap-1 text-sm font-medium">
          Person
          <select name="actor" defaultValue={filter.actor ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.user.id} value={m.user.id}>
                {m.user.name ?? m.user.email}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Action
          <select name="action" defaultValue={filter.action ?? ""} className={selectClass}>
            <option value="">Any action</option>
            {organizationAuditActions.map((action) => (
              <option key={action} value={action}>
                {describe(action)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={selectClass} />
        </label>
        <label className="grid gap-1 text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={selectClass} />
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some filters were not valid and were ignored:{" "}
          {parsed.error.issues.map((i) => i.message).join(" ")}
        </p>
      ) : null}

      {log.entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-6 py-10 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          Nothing recorded
          {filter.actor || filter.action || filter.from || filter.to
            ? " for these filters"
            : " yet"}
          .
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit log entries, newest first</caption>
            <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Who
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  What
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Details
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  IP address
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {log.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="px-4 py-2 whitespace-nowrap">{time.format(entry.createdAt)}</td>
                  <td className="px-4 py-2">
                    {entry.actor ? (entry.actor.name ?? entry.actor.email) : "Deleted user"}
                  </td>
                  <td className="px-4 py-2">{describe(entry.action)}</td>
                  <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">
                    {summary(entry.metadata)}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{entry.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.page > 1 || log.hasMore ? (
        <nav aria-label="Pages" className="flex justify-between text-sm">
          {log.page > 1 ? (
            <Link href={pageHref(filter, log.page - 1)} className="underline">
              Newer
            </Link>
          ) : (
            <span />
          )}
          <span aria-current="page">Page {log.page}</span>
          {log.hasMore ? (
            <Link href={pageHref(filter, log.page + 1)} className="underline">
              Older
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
