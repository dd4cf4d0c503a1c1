import { z } from "zod";

// Files and Next's `$ACTION_*` keys are dropped; anything else becomes {}, which schemas refuse.
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

// All input passes here: PostgreSQL text cannot hold NUL and would fail the whole query (a 500).
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
