import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { mediumDateTime as dateTime } from "@/lib/format/dates";
import type { SecurityEvent } from "../security-history";

/** Recent sign-ins and security changes, and every time support accessed the account and why. */
export function SecurityHistorySection({ events }: { events: SecurityEvent[] }) {
  return (
    <Section
      id="security-history"
      title="Security history"
      description="Recent sign-ins and changes to your account, including each time our support team viewed it."
    >
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing yet.</p>
      ) : (
        <ul aria-label="Security history" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {events.map((event) => (
            <li key={event.id} className="grid gap-0.5 py-3 text-sm first:pt-0">
              <p className="font-medium text-zinc-900 dark:text-zinc-100">
                {event.what}
                {event.support ? <Badge tone="warning">Support</Badge> : null}
              </p>
              <p className="text-zinc-600 dark:text-zinc-400">
                {dateTime.format(event.at)} UTC
                {event.support ? ` · by ${event.support.name}` : ""}
                {event.ipAddress ? ` · ${event.ipAddress}` : ""}
              </p>
              {event.support?.reason ? (
                <p className="text-zinc-700 dark:text-zinc-300">Reason: {event.support.reason}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
