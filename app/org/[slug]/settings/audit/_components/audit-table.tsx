import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { auditMetadataSummary, describeAuditAction } from "@/lib/audit/display";
import type { AuditEntryView } from "@/lib/audit-log/query";

const time = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** One page of entries, newest first, or what the empty log means. */
export function AuditTable({
  entries,
  filtered,
}: {
  entries: AuditEntryView[];
  filtered: boolean;
}) {
  if (entries.length === 0) {
    return <EmptyState>Nothing recorded{filtered ? " for these filters" : " yet"}.</EmptyState>;
  }
  return (
    <Table
      framed
      caption="Audit log entries, newest first"
      columns={["When (UTC)", "Who", "What", "Details", "IP address"]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="px-4 py-2 whitespace-nowrap">{time.format(entry.createdAt)}</td>
          <td className="px-4 py-2">
            {entry.actor ? (entry.actor.name ?? entry.actor.email) : "Deleted user"}
          </td>
          <td className="px-4 py-2">{describeAuditAction(entry.action)}</td>
          <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">
            {auditMetadataSummary(entry.metadata)}
          </td>
          <td className="px-4 py-2 font-mono text-xs">{entry.ipAddress ?? "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
