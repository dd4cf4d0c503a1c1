import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { redactTokens } from "@/lib/observability/redact-url";

/**
 * Copies `source` to `target` line by line with every token-bearing query parameter
 * redacted. `next dev` logs each request's URL, query string included: without this,
 * every reset, magic-link, verification and hand-off token clicked in development
 * would sit in the terminal and in whatever collects its output.
 */
export function pipeRedacted(source: Readable, target: Writable): void {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on("line", (line) => target.write(`${redactTokens(line)}\n`));
}
