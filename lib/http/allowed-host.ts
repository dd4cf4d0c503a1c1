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
 * The request as the browser addressed it. Next 16 hands route handlers `req.url` on
 * localhost whatever the Host header said, and Auth.js builds its callback URLs and
 * checks its CSRF cookie against that URL; rebuilding it from the (allow-listed) host
 * keeps sign-in working when it starts on an organization's subdomain.
 */
export function requestWithPublicUrl(request: Request): Request {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  if (!isAllowedHost(host)) return request;
  const original = new URL(request.url);
  const protocol = new URL(env.appUrl).protocol;
  const url = new URL(`${original.pathname}${original.search}`, `${protocol}//${host}`);
  if (url.href === original.href) return request;
  return new Request(url, request);
}
