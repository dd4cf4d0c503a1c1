import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { SecurityEvent } from "@/lib/admin/users/security-events";
import { formatDateTime } from "../../_components/format";

export function SecurityEventsSection({
  userId,
  events,
}: {
  userId: string;
  events: SecurityEvent[];
}) {
  return (
    <Section
      id="security-events"
      title="Recent security events"
      description="Sign-ins, account changes and staff actions on this account, newest 20."
    >
      {events.length === 0 ? (
        <EmptyState>Nothing recorded yet.</EmptyState>
      ) : (
        <Table columns={["When", "Event", "By", "From"]} caption="Security events">
          {events.map((event) => (
            <tr key={event.id} className="align-top">
              <td className="py-2 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
              <td className="py-2">
                <code className="font-mono text-xs">{event.action}</code>
                {event.reason ? (
                  <p className="text-zinc-600 dark:text-zinc-400">Reason: {event.reason}</p>
                ) : null}
              </td>
              <td className="py-2">
                {event.actor ? (event.actor.id === userId ? "Them" : event.actor.email) : "System"}
              </td>
              <td className="py-2 font-mono text-xs">{event.ipAddress ?? ""}</td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
