import type { ProjectPage } from "@/lib/attachments/project-page";
import { mediumDateTime } from "@/lib/format/dates";

/** The project's audit entries as sentences, newest first. */
export function ProjectHistory({ history }: { history: ProjectPage["history"] }) {
  if (history.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded yet.</p>;
  }
  return (
    <ol className="grid gap-3 text-sm">
      {history.map((entry) => (
        <li key={entry.id} className="grid gap-0.5">
          <span className="text-zinc-900 dark:text-zinc-100">{entry.sentence}</span>
          <time
            dateTime={entry.createdAt.toISOString()}
            className="text-xs text-zinc-500 dark:text-zinc-400"
          >
            {mediumDateTime.format(entry.createdAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
