import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { FailedStripeEvent } from "@/lib/admin/jobs/stripe-failures";
import { discardStripeEventForm, retryStripeEventForm } from "../actions";
import { failedAt } from "./format";
import { RowActions } from "./row-actions";

const cell = "px-4 py-2 align-top";

/** Verified Stripe events whose effects could not be applied, most recent failure first. */
export function StripeFailuresTable({
  events,
  confirmIdentity,
}: {
  events: FailedStripeEvent[];
  confirmIdentity: ReactNode;
}) {
  if (events.length === 0) return <EmptyState>Nothing failed.</EmptyState>;
  return (
    <Table
      framed
      caption="Stripe events that failed to apply"
      columns={["Event", "Customer", "Attempts", "Last error", "Failed (UTC)", ""]}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td className={cell}>
            <div className="font-medium">{event.type}</div>
            <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{event.id}</div>
          </td>
          <td className={cell}>
            {event.organization ? (
              <div>
                {event.organization.name}{" "}
                <span className="text-zinc-500 dark:text-zinc-400">
                  ({event.organization.slug})
                </span>
              </div>
            ) : (
              <div className="text-zinc-500 dark:text-zinc-400">No organization</div>
            )}
            <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
              {event.customerId ?? "—"}
            </div>
          </td>
          <td className={cell}>{event.attempts}</td>
          <td className={`${cell} max-w-sm font-mono text-xs break-words`}>{event.lastError}</td>
          <td className={`${cell} whitespace-nowrap`}>
            <div>First {failedAt.format(event.firstFailedAt)}</div>
            <div>Last {failedAt.format(event.lastFailedAt)}</div>
          </td>
          <td className={cell}>
            <RowActions
              subject={`${event.type} ${event.id}`}
              hidden={{ eventId: event.id }}
              retry={retryStripeEventForm}
              discard={discardStripeEventForm}
              confirmIdentity={confirmIdentity}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
