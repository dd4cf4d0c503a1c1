/**
 * Decodes Stripe's request encoding: `application/x-www-form-urlencoded` bodies
 * and query strings whose keys use bracket notation for nesting, e.g.
 * `line_items[0][price]=price_x&metadata[org]=o1&expand[]=customer`.
 *
 * The SDK writes arrays with explicit indexes (`expand[0]`); `[]` is accepted too
 * because hand-written requests (curl, HTML forms) use it.
 */

export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

/** Keys that would let a request body reach Object.prototype. */
const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/** `a[b][0][]` → ["a", "b", "0", ""]; a key without brackets is one segment. */
export function keySegments(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  pattern.lastIndex = open;
  let match: RegExpExecArray | null;
  let end = open;
  while ((match = pattern.exec(key)) !== null && match.index === end) {
    segments.push(match[1] ?? "");
    end = pattern.lastIndex;
  }
  // Anything after the last well-formed bracket (e.g. `a[b]c`) stays part of the last segment,
  // so a malformed key never silently merges into a different field.
  if (end < key.length) segments[segments.length - 1] += key.slice(end);
  return segments;
}

/**
 * Objects are built first and only turned into arrays at the end, when every key is a
 * non-negative integer: the SDK may send `items[1]` before `items[0]` after edits, and
 * sparse indexes (`items[0]`, `items[2]`) must keep their order without holes.
 */
type Draft = { [key: string]: Draft | string };

function newDraft(): Draft {
  return Object.create(null) as Draft;
}

function assign(root: Draft, segments: string[], value: string): void {
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i]!;
    if (FORBIDDEN_KEYS.has(segment)) return;
    if (segment === "") segment = String(Object.keys(node).length);
    if (i === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined || typeof next === "string") {
      const created = newDraft();
      node[segment] = created;
      node = created;
    } else {
      node = next;
    }
  }
}

function finishObject(draft: Draft): FormObject {
  const finished: FormObject = {};
  for (const key of Object.keys(draft)) {
    const value = draft[key]!;
    finished[key] = typeof value === "string" ? value : finish(value);
  }
  return finished;
}

function finish(draft: Draft): FormValue {
  const finished = finishObject(draft);
  const keys = Object.keys(finished);
  if (keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finished[String(index)]!);
  }
  return finished;
}

/** Decodes a body or query string (with or without a leading `?`) into nested values. */
export function decodeForm(input: string): FormObject {
  const root = newDraft();
  const text = input.startsWith("?") ? input.slice(1) : input;
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === "") continue;
    assign(root, keySegments(key), value);
  }
  // The top level is always an object, even for a body of only indexed keys (`0=a`).
  return finishObject(root);
}
