import { setLogSink } from "@/lib/observability/logger";

/** Collects the app's log lines (as written, JSON) until `restore()`. */
export function captureLogs() {
  const lines: string[] = [];
  const restore = setLogSink((line) => lines.push(line));
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    lines,
    entries,
    /** The entries at `level` (pino's labels: info, warn, error…). */
    at: (level: string) => entries().filter((entry) => entry.level === level),
    text: () => lines.join(""),
    restore,
  };
}
