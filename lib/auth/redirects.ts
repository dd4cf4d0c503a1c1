// Only our own hosts, so a crafted link cannot bounce users to a phishing page.
export function safeRedirectTarget(
  value: string | null | undefined,
  options: { appUrl: string; rootDomain: string; fallback?: string },
): string {
  const fallback = options.fallback ?? "/";
  if (!value || value.length > 2048) return fallback;
  // Browsers would normalize backslashes and control characters into a second slash or a scheme.
  if (value.startsWith("/")) {
    if (value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
    return value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fallback;
  }
  const app = new URL(options.appUrl);
  if (url.protocol !== app.protocol || url.username || url.password) return fallback;
  const root = options.rootDomain.toLowerCase();
  const host = url.host.toLowerCase();
  if (host === app.host.toLowerCase() || host === root || host.endsWith(`.${root}`)) {
    return url.toString();
  }
  return fallback;
}
