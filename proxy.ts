import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { parseTenantHost } from "@/lib/tenancy/host";

/**
 * Routes each request by its host: `<slug>.<ROOT_DOMAIN>` is rewritten to the internal
 * segment app/org/[slug], everything else is served as is. No database here, and no
 * authorization: pages and actions check the session and membership themselves, so a
 * request that skips this function (CVE-2025-29927) reaches nothing it should not.
 *
 * The host is the `Host` header, never `X-Forwarded-Host`: any client can send the latter,
 * while `Host` is what routed the request to us (Vercel and `next start` take it from
 * the request; a reverse proxy in front must pass it through unchanged).
 */

/** The internal segment of organization pages. Reachable only through the rewrite below. */
const TENANT_PREFIX = "/org";

// Same on every host, so sign-in, the account pages and assets work on a subdomain too.
const globalPaths = [
  "/api",
  "/_next",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
  "/magic-link",
  "/confirm-email-change",
  "/account",
  "/dev/mailbox",
  "/.well-known",
];

// Files of public/ and root metadata routes: one segment with an extension (/favicon.svg).
const topLevelFile = /^\/[^/]+\.[a-z0-9]+$/i;

// Headers a client might send to pose as a tenant: nothing downstream may trust them.
const tenantHeader = /^x-(keel|tenant|org|organization)(-|$)/i;

function isGlobalPath(pathname: string): boolean {
  if (topLevelFile.test(pathname)) return true;
  return globalPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** True for `/org`, `/org/...` and spellings a server might normalize into them. */
function isInternalPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: judge the raw path.
  }
  const path = decoded
    .toLowerCase()
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/");
  return path === TENANT_PREFIX || path.startsWith(`${TENANT_PREFIX}/`);
}

/** The request headers without forgeable tenant headers, or null when none was sent. */
function withoutTenantHeaders(request: NextRequest): Headers | null {
  const forged = [...request.headers.keys()].filter((name) => tenantHeader.test(name));
  if (forged.length === 0) return null;
  const headers = new Headers(request.headers);
  for (const name of forged) headers.delete(name);
  return headers;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isInternalPath(pathname)) {
    return new NextResponse("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }

  const headers = withoutTenantHeaders(request);
  const init = headers ? { request: { headers } } : undefined;
  const host = parseTenantHost(request.headers.get("host"), env.rootDomain);

  // Unknown hosts (localhost:3100, the load balancer's health check by IP, an APP_URL
  // host outside ROOT_DOMAIN) get the root app; links and cookies are only ever minted
  // for allow-listed hosts (lib/http/allowed-host.ts).
  if (host.kind !== "tenant" || isGlobalPath(pathname)) return NextResponse.next(init);

  const url = request.nextUrl.clone();
  url.pathname = `${TENANT_PREFIX}/${host.slug}${pathname === "/" ? "" : pathname}`;
  return NextResponse.rewrite(url, init);
}

export const config = {
  // Files with an extension are not skipped here: the proxy must see every path under
  // the internal prefix. It lets them through itself (isGlobalPath).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
