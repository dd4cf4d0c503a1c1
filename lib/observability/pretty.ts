export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, err, ...fields } = entry;
  const clock = typeof time === "string" ? time.slice(11, 19) : "";
  const label = String(level ?? "")
    .toUpperCase()
    .padEnd(5);
  const extra = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  const stack = err && typeof err === "object" && "stack" in err ? `\n  ${String(err.stack)}` : "";
  return `${clock} ${label} ${String(msg ?? "")}${extra ? `  ${extra}` : ""}${stack}\n`;
}
