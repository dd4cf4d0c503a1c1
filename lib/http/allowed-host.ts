import { env } from "@/lib/env";
import { onPlatformSuffix } from "@/lib/env/cookie-scope";

// Checked before building absolute URLs or trusting Host: no links or cookies for another domain.
export function isAllowedHost(host: string | null | undefined): host is string {
  if (!host || host.length > 255) return false;
  const normalized = host.toLowerCase();
  if (!/^[a-z0-9.-]+(:\d{1,5})?$/.test(normalized)) return false;
  const appHost = new URL(env.appUrl).host.toLowerCase();
  const root = env.rootDomain;
  if (normalized === appHost || normalized === root) return true;
  // No organization lives under a platform's shared domain (a preview's `*.vercel.app` host).
  return !onPlatformSuffix(root) && normalized.endsWith(`.${root}`);
}

export function publicHostOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return isAllowedHost(host) ? host : null;
}

// Auth.js checks CSRF against `req.url` (localhost under Next 16) and X-Forwarded-*: all rewritten.
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

export function hostNotAllowed(): Response {
  return Response.json({ error: "This host is not served here." }, { status: 400 });
}
