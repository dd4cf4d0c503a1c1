import { redactTokens } from "./redact-url";

export const REDACTED = "[redacted]";

const secretKey =
  /passw(or)?d|secret|token|authorization|cookie|api[-_]?key|credential|private[-_]?key|signature|^dsn$/i;

const secretShapes: [RegExp, string][] = [
  [/\b((?:sk|rk)_(?:live|test)_)[0-9A-Za-z]+/g, `$1${REDACTED}`],
  [/\bwhsec_[0-9A-Za-z+/=]+/g, `whsec_${REDACTED}`],
  [/\bre_[0-9A-Za-z_]+/g, `re_${REDACTED}`],
  [/\b(Bearer|Basic)\s+\S+/gi, `$1 ${REDACTED}`],
  [/((?:session[-_.]?token|keel\.session|csrf[-_.]?token)=)[^;\s"']+/gi, `$1${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi, `$1${REDACTED}@`],
];

export function redactString(text: string): string {
  let result = redactTokens(text);
  for (const [pattern, replacement] of secretShapes) result = result.replace(pattern, replacement);
  return result;
}

const MAX_DEPTH = 8;

export function redact(value: unknown, maxDepth = MAX_DEPTH): unknown {
  return walk(value, 0, new WeakSet(), maxDepth);
}

function walk(value: unknown, depth: number, seen: WeakSet<object>, maxDepth: number): unknown {
  if (typeof value === "string") return redactString(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= maxDepth) return "[nested]";
  seen.add(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const extra = Object.fromEntries(Object.entries(value));
    const cause = (value as { cause?: unknown }).cause;
    return walk(
      { type: name, message, stack, ...extra, ...(cause ? { cause } : {}) },
      depth,
      seen,
      maxDepth,
    );
  }
  if (value instanceof Headers)
    return walk(Object.fromEntries(value.entries()), depth, seen, maxDepth);
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen, maxDepth));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      secretKey.test(key) && item !== null && item !== undefined
        ? REDACTED
        : walk(item, depth + 1, seen, maxDepth);
  }
  return out;
}
