import { env } from "@/lib/env";

/**
 * Hosts this app answers for: the app's own host, the root domain and its organization
 * subdomains. Everything that builds absolute URLs or trusts a Host header checks here
 * first, so a forged Host cannot make us mint links or cookies for someone else's domain.
 */
export function isAllowedHost(host: string | null | undefined): host is string {
  if (!host || host.length > 255) return false;
  const normalized = host.toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(normalized)) return false;
  const appHost = new URL(env.appUrl).host.toLowerCase();
  const root = env.rootDomain;
  return normalized === appHost || normalized === root || normalized.endsWith(`.${root}`);
}

/**
 * The host a request was addressed to, as Auth.js sees it (the first X-Forwarded-Host
 * entry, else Host), when it is one of ours; null otherwise, so nothing downstream can
 * build a URL from a forged forwarding header.
 */
export function publicHostOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return isAllowedHost(host) ? host : null;
}

/**
 * The request as the browser addressed it, or null when it was not addressed to us. Next 16
 * hands route handlers `req.url` on localhost whatever the Host header said, and Auth.js
 * builds its callback URLs and checks its CSRF cookie against that URL; rebuilding it from
 * the (allow-listed) host keeps sign-in working when it starts on an organization's
 * subdomain. Auth.js (trustHost) also reads `X-Forwarded-Host` and `X-Forwarded-Proto`
 * itself, so the rebuilt request carries only the allowed host and the app's own scheme:
 * a forged forwarding header can neither pass nor be left behind for Auth.js to use.
 */
export function requestWithPublicUrl(request: Request): Request | null {
  const host = publicHostOf(request.headers);
  if (!host) return null;
  const original = new URL(request.url);
  const protocol = new URL(env.appUrl).protocol;
  const url = new URL(`${original.pathname}${original.search}`, `${protocol}//${host}`);
  const headers = new Headers(request.headers);
  headers.set("host", host);
  headers.set("x-forwarded-host", host);
  headers.set("x-forwarded-proto", protocol.replace(":", ""));
  return new Request(new Request(url, request), { headers });
}

/** The answer to a request addressed to a host that is not ours. */
export function hostNotAllowed(): Response {
  return Response.json({ error: "This host is not served here." }, { status: 400 });
}
