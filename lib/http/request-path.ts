/**
 * The path and query the visitor asked for, before proxy.ts rewrote it to an internal route:
 * layouts cannot see it otherwise, and sign-in needs it to bring the visitor back. The proxy
 * always overwrites the header, so a client cannot choose it; it is checked again anyway,
 * and sign-in validates it once more (lib/auth/redirects.ts).
 */
export const REQUEST_PATH_HEADER = "x-request-path";

/** A same-site path to come back to, or the fallback. */
export function returnPathFrom(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return fallback;
  // "//host" and "/\host" are other sites to a browser; control characters hide either.
  if (value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
