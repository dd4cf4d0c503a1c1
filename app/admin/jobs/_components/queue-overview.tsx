import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { KindStats } from "@/lib/jobs/stats";
import { age } from "./format";

const cell = "px-4 py-2";

/** Unfinished work per kind: waiting, held by a worker, dead, and how long the oldest has waited. */
export function QueueOverview({ kinds }: { kinds: KindStats[] }) {
  if (kinds.length === 0) return <EmptyState>The queue is empty.</EmptyState>;
  return (
    <Table
      framed
      caption="Jobs per kind"
      columns={["Kind", "Pending", "Running", "Dead", "Oldest pending"]}
    >
      {kinds.map((kind) => (
        <tr key={kind.kind}>
          <td className={`${cell} font-mono text-xs`}>{kind.kind}</td>
          <td className={cell}>{kind.pending}</td>
          <td className={cell}>{kind.running}</td>
          <td
            className={`${cell} ${kind.dead > 0 ? "font-semibold text-red-700 dark:text-red-300" : ""}`}
          >
            {kind.dead}
          </td>
          <td className={cell}>{kind.pending > 0 ? age(kind.oldestPendingAgeSeconds) : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
