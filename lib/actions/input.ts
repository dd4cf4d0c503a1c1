import { z } from "zod";

/**
 * Turns what an action received into a plain object for its zod schema: FormData's string
 * entries (files and Next's own `$ACTION_*` keys dropped, the first value of a repeated
 * key kept), or a plain object as it is. Anything else becomes an empty object, which the
 * schema then refuses.
 */
export function actionInput(raw: unknown): Record<string, unknown> {
  if (raw instanceof FormData) {
    const input: Record<string, unknown> = {};
    for (const [key, value] of raw.entries()) {
      if (key.startsWith("$ACTION") || typeof value !== "string" || key in input) continue;
      input[key] = value;
    }
    return input;
  }
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw))
    return raw as Record<string, unknown>;
  return {};
}

/** The path of the first string in `value` holding a NUL character, or null. */
function nulBytePath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulBytePath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulBytePath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * `schema.safeParse(input)`, refusing first any text holding a NUL character: PostgreSQL
 * cannot store it in a text column and fails the whole query, which reached the user as a
 * 500. Every action (lib/actions/chain.ts), route and page parses user input through this
 * one function, so no schema has to remember it.
 */
const withoutNulBytes = z.unknown().superRefine((value, ctx) => {
  const path = nulBytePath(value);
  if (path) {
    ctx.addIssue({
      code: "custom",
      path,
      message: "Remove the invisible control character from this field.",
    });
  }
});

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  return withoutNulBytes.pipe(schema).safeParse(input);
}
