import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { OrganizationDetail } from "@/lib/admin/organizations/detail";
import { formatAmount } from "@/lib/billing/plans/plans";
import { moment } from "./facts";

/** The BillingEvent log, newest first. */
export function BillingTimeline({ events }: { events: OrganizationDetail["billingEvents"] }) {
  return (
    <Section id="billing-events" title="Billing timeline">
      {events.length === 0 ? (
        <EmptyState>No billing events yet.</EmptyState>
      ) : (
        <Table columns={["When", "Event", "Plan", "Seats", "Amount"]} caption="Billing events">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="py-2 whitespace-nowrap">{moment.format(event.occurredAt)}</td>
              <td className="py-2">
                {event.type}
                {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
                  ? ` (${event.fromStatus} → ${event.toStatus})`
                  : ""}
                {event.complimentary ? " · complimentary" : ""}
              </td>
              <td className="py-2">{event.plan ?? "—"}</td>
              <td className="py-2">{event.seats ?? "—"}</td>
              <td className="py-2 tabular-nums">
                {event.amount !== null
                  ? formatAmount(event.amount, event.currency ?? undefined)
                  : "—"}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

/** Stripe events received for the customer, with what became of each. */
export function StripeEventsSection({ events }: { events: OrganizationDetail["stripeEvents"] }) {
  return (
    <Section id="stripe-events" title="Stripe events received">
      {events.length === 0 ? (
        <EmptyState>No Stripe events for this organization.</EmptyState>
      ) : (
        <Table columns={["When", "Event", "Id", "Outcome"]} caption="Stripe events">
          {events.map((event) => (
            <tr key={`${event.id}-${event.outcome}`}>
              <td className="py-2 whitespace-nowrap">{moment.format(event.at)}</td>
              <td className="py-2">{event.type}</td>
              <td className="py-2 font-mono text-xs">{event.id}</td>
              <td className="py-2">
                {event.outcome}
                {event.detail ? (
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {event.detail}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

/** Emails queued to the members, whatever their state in the outbox. */
export function EmailsSection({ emails }: { emails: OrganizationDetail["emails"] }) {
  return (
    <Section id="emails" title="Emails queued for its members">
      {emails.length === 0 ? (
        <EmptyState>No emails queued for its members.</EmptyState>
      ) : (
        <Table columns={["Queued", "Template", "To", "Status"]} caption="Emails">
          {emails.map((email) => (
            <tr key={email.id}>
              <td className="py-2 whitespace-nowrap">{moment.format(email.createdAt)}</td>
              <td className="py-2">{email.template}</td>
              <td className="py-2">{email.to}</td>
              <td className="py-2">
                {email.status.toLowerCase()}
                {email.lastError ? (
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {email.lastError}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
