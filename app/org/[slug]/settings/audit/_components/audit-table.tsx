import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { mediumDateTime as time } from "@/lib/format/dates";
import { describeAuditEntry } from "@/lib/audit-log/describe-entry";
import type { AuditEntryView } from "@/lib/audit-log/query";

// What was recorded, as stored: for support requests and anyone checking the sentence.
function RawDetails({ entry }: { entry: AuditEntryView }) {
  const rows: [string, string][] = [
    ["Action", entry.action],
    ["Target", entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}`.trim() : "—"],
    ["IP address", entry.ipAddress ?? "—"],
  ];
  return (
    <details className="mt-1 text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer text-xs">Details</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="font-mono break-all">{value}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>Metadata</dt>
          <dd>
            <pre className="font-mono break-all whitespace-pre-wrap">
              {entry.metadata === null ? "—" : JSON.stringify(entry.metadata, null, 2)}
            </pre>
          </dd>
        </div>
      </dl>
    </details>
  );
}

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
      columns={["When (UTC)", "What happened"]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="px-4 py-2 align-top whitespace-nowrap">{time.format(entry.createdAt)}</td>
          <td className="px-4 py-2">
            <p>{describeAuditEntry(entry)}</p>
            <RawDetails entry={entry} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
