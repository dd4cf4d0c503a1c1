import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { OrganizationRow } from "@/lib/admin/organizations/list";
import { formatAmount } from "@/lib/billing/plans/plans";
import { mediumDate } from "@/lib/format/dates";

const columns = ["Organization", "Plan", "Status", "Seats", "MRR", "Owner", "Created"] as const;

export function OrganizationTable({ rows }: { rows: OrganizationRow[] }) {
  return (
    <Table columns={columns} caption="Organizations" framed>
      {rows.map((org) => (
        <tr key={org.id} className="align-top">
          <td className="px-4 py-2">
            <Link
              href={`/admin/organizations/${org.id}`}
              className="font-medium underline-offset-2 hover:underline"
            >
              {org.name}
            </Link>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{org.slug}</span>
            {org.suspended ? <Badge tone="warning">Suspended</Badge> : null}
          </td>
          <td className="px-4 py-2">
            {org.planName}
            {org.complimentary ? (
              <span className="block">
                <Badge tone="success">{org.complimentary}</Badge>
              </span>
            ) : null}
          </td>
          <td className="px-4 py-2">{org.status.toLowerCase().replace(/_/g, " ")}</td>
          <td className="px-4 py-2">
            {org.members}
            {org.billedSeats > 0 ? (
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                {org.billedSeats} billed
              </span>
            ) : null}
          </td>
          <td className="px-4 py-2 tabular-nums">{formatAmount(org.mrr)}</td>
          <td className="px-4 py-2">{org.ownerEmail ?? "—"}</td>
          <td className="px-4 py-2 whitespace-nowrap">{mediumDate.format(org.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
