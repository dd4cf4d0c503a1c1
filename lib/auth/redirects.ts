import { parseTenantHost } from "@/lib/tenancy/host";

// A path on this host, or an absolute URL of the app or one organization's host (same scheme, no
// credentials); anything else gives the fallback, so a crafted link cannot bounce to phishing.
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
  const host = url.host.toLowerCase();
  // The app itself, the root domain, or one organization's own host: never any other name under
  // the root domain, which the company may share with sites that are not this app.
  if (host === app.host.toLowerCase()) return url.toString();
  if (parseTenantHost(host, options.rootDomain).kind !== "unknown") return url.toString();
  return fallback;
}
