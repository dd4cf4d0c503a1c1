// The pre-rewrite path, which proxy.ts always overwrites; still checked here and at sign-in.
export const REQUEST_PATH_HEADER = "x-request-path";

export function returnPathFrom(value: string | null | undefined, fallback: string): string {
  if (!value || value.length > 2048 || !value.startsWith("/")) return fallback;
  // "//host" and "/\host" are other sites to a browser; control characters hide either.
  if (value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
