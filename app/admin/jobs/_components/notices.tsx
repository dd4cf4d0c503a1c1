import { Callout } from "@/components/ui/callout";

const notices = {
  "event-retried": "The event was applied and is no longer listed.",
  "event-discarded": "The event was discarded. The audit log keeps your reason.",
  "job-retried": "The job is back in the queue and runs now.",
  "job-discarded": "The job was deleted. The audit log keeps what it was and your reason.",
} as const;

export type JobsNotice = keyof typeof notices;

/** What the last retry or discard did, from the page's `?done=`. */
export function JobsNotices({ done }: { done: string | string[] | undefined }) {
  if (typeof done !== "string" || !(done in notices)) return null;
  return <Callout tone="success">{notices[done as JobsNotice]}</Callout>;
}
