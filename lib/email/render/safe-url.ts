// Fails at enqueue time instead of mailing a `javascript:`, `data:` or relative link.
export function assertSafeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Email links must be absolute URLs.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error("Email links must use http or https.");
  }
  return parsed.toString();
}
