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
