import { IntentLink } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import type { ActivityEntry } from "@/lib/org-home/read";

const time = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * The latest audit entries as sentences. Members without the audit log see only entries about
 * what they can see anyway (lib/org-home/activity.ts), and no link to the full log.
 */
export function RecentActivity({
  entries,
  fullLog,
}: {
  entries: ActivityEntry[];
  fullLog: boolean;
}) {
  return (
    <Section
      id="recent-activity"
      title="Recent activity"
      description={fullLog ? undefined : "Changes to projects and who joined or left."}
    >
      {entries.length === 0 ? (
        <EmptyState>Nothing has happened here yet.</EmptyState>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-col gap-0.5 py-3 first:pt-0 last:pb-0 sm:flex-row sm:justify-between sm:gap-4"
            >
              <span className="text-sm text-zinc-900 dark:text-zinc-100">{entry.sentence}</span>
              <time
                dateTime={entry.createdAt.toISOString()}
                className="shrink-0 text-sm text-zinc-500 tabular-nums dark:text-zinc-400"
              >
                {time.format(entry.createdAt)} UTC
              </time>
            </li>
          ))}
        </ol>
      )}
      {fullLog ? (
        <p className="text-sm">
          <IntentLink
            href="/settings/audit"
            className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
          >
            View the full audit log
          </IntentLink>
        </p>
      ) : null}
    </Section>
  );
}
