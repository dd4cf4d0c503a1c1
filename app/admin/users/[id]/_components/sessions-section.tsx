import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { deviceName } from "@/lib/auth/device-name";
import type { UserSessionRow } from "@/lib/admin/users/detail";
import { formatDateTime } from "../../_components/format";

export function SessionsSection({ sessions }: { sessions: UserSessionRow[] }) {
  return (
    <Section
      id="sessions"
      title="Live sessions"
      description="Signed-in browsers and devices, most recently seen first."
    >
      {sessions.length === 0 ? (
        <EmptyState>No live sessions.</EmptyState>
      ) : (
        <Table columns={["Device", "IP address", "Signed in", "Last seen"]} caption="Sessions">
          {sessions.map((s) => (
            <tr key={s.id} className="align-top">
              <td className="py-2">
                <span title={s.userAgent ?? undefined}>{deviceName(s.userAgent)}</span>
                {s.impersonator ? (
                  <Badge tone="warning">
                    Staff viewing as them: {s.impersonator.email ?? s.impersonator.id}
                  </Badge>
                ) : null}
                <p className="max-w-xs truncate text-xs text-zinc-500 dark:text-zinc-400">
                  {s.userAgent ?? "Unknown browser"}
                </p>
              </td>
              <td className="py-2 font-mono text-xs">{s.ipAddress ?? "Unknown"}</td>
              <td className="py-2">{formatDateTime(s.createdAt)}</td>
              <td className="py-2">{formatDateTime(s.lastSeenAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
