import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { tenantCrawlerFile } from "@/lib/http/crawlers";
import { perRequestVariants } from "@/lib/http/per-request-variants";
import { prerenderedPages } from "@/lib/http/prerendered-pages";
import { refuseMethod, refuseOversizedAction } from "@/lib/http/request-guards";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";
import {
  contentSecurityPolicy,
  createNonce,
  formActionSources,
  strictTransportSecurity,
} from "@/lib/http/security-headers";
import { parseTenantHost } from "@/lib/tenancy/host";
import { themeScriptHash } from "@/lib/theme/script-hash";
import { tenantHostDown } from "@/lib/db/tenant-databases/outages";
import { RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { storageOrigin } from "@/lib/storage/origin";

// No database and no authorization here: pages and actions check themselves, so a request
// that skips this (CVE-2025-29927) reaches nothing. The host is `Host`, never the forgeable
// X-Forwarded-Host.

const PUBLIC_API_DOCUMENT = "/api/v1/openapi.json";

const TENANT_PREFIX = "/org";

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
  "/dev/emails",
  "/.well-known",
];

const topLevelFile = /^\/[^/]+\.[a-z0-9]+$/i;

// Headers a client might send to pose as a tenant: nothing downstream may trust them.
const tenantHeader = /^x-(keel|tenant|org|organization)(-|$)/i;

const sessionCookies = ["keel.session", "__Secure-keel.session"];

// A visitor with a session (to be redirected) or a query gets the per-request page.
function needsPerRequestVariant(request: NextRequest): boolean {
  if (sessionCookies.some((name) => request.cookies.has(name))) return true;
  return [...request.nextUrl.searchParams.keys()].some((key) => key !== "_rsc");
}

// The address as the visitor typed it, without the router's own `_rsc` marker.
function requestedPath(request: NextRequest): string {
  const params = new URLSearchParams(request.nextUrl.search);
  params.delete("_rsc");
  const query = params.toString();
  return `${request.nextUrl.pathname}${query ? `?${query}` : ""}`;
}

function isGlobalPath(pathname: string): boolean {
  if (topLevelFile.test(pathname)) return true;
  return globalPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

// Also spellings a server might normalize into `/org`.
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

function withoutTenantHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  for (const name of [...request.headers.keys()]) {
    if (tenantHeader.test(name)) headers.delete(name);
  }
  return headers;
}

const development = env.NODE_ENV === "development";
const formActions = formActionSources({
  appUrl: env.appUrl,
  rootDomain: env.rootDomain,
  stripeApiBase: env.stripeMode === "emulator" ? env.STRIPE_API_BASE : undefined,
  oauthProviders: [
    ...(env.AUTH_GITHUB_ID ? (["github"] as const) : []),
    ...(env.AUTH_GOOGLE_ID ? (["google"] as const) : []),
  ],
});
const storage = storageOrigin({
  endpoint: env.S3_ENDPOINT,
  bucket: env.S3_BUCKET,
  region: env.S3_REGION,
});
const hsts = strictTransportSecurity(env.appUrl);
const https = hsts !== null;

// Prerendered HTML is shared, so its scripts are allowed by hash, not nonce. The root layout's
// theme script is on every page, per request ones too: its hash goes everywhere.
function policyFor(route: string | null): { csp: string; nonce?: string } {
  const pages = development ? undefined : prerenderedPages();
  const fallbackHashes = [...new Set([themeScriptHash, ...(pages?.fallbackHashes ?? [])])];
  const staticHashes = route === null ? undefined : pages?.routes.get(route);
  if (staticHashes) {
    const scriptHashes = [...new Set([...staticHashes, ...fallbackHashes])];
    return {
      csp: contentSecurityPolicy({
        scriptHashes,
        development,
        formActions,
        https,
        storageOrigin: storage,
      }),
    };
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    scriptHashes: fallbackHashes,
    development,
    formActions,
    https,
    storageOrigin: storage,
  });
  return { csp, nonce };
}

function withSecurityHeaders(
  response: Response,
  pathname: string,
  csp: string,
  requestId: string,
): Response {
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.append("server-timing", `request;desc="${requestId}"`);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  // Per user and organization: no browser or shared cache may keep it; the public API
  // description is the same for everyone and keeps its own caching.
  if ((pathname === "/api" || pathname.startsWith("/api/")) && pathname !== PUBLIC_API_DOCUMENT) {
    response.headers.set("cache-control", "no-store");
  }
  return response;
}

// This organization's dedicated database stopped answering moments ago (the app's JSON routes
// answer 503 on their own): a page that says so, not an error page for every click.
function tenantUnavailable(): Response {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Temporarily unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:6rem auto;padding:0 1.25rem;line-height:1.6"><main><h1>This organization is temporarily unavailable</h1><p>Its data lives in a database of its own, which is not answering right now. Other organizations are not affected. Please try again in a moment.</p></main></body></html>`;
  return new NextResponse(body, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
    },
  });
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const requestId = requestIdFor(request.headers, env.trustedProxy);
  const refused = refuseMethod(request.method) ?? refuseOversizedAction(request.headers);
  if (refused) return withSecurityHeaders(refused, pathname, policyFor(null).csp, requestId);
  if (isInternalPath(pathname)) {
    const notFound = new NextResponse("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    return withSecurityHeaders(notFound, pathname, policyFor(null).csp, requestId);
  }

  const headers = withoutTenantHeaders(request);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(REQUEST_PATH_HEADER, requestedPath(request));
  const host = parseTenantHost(request.headers.get("host"), env.rootDomain);
  const crawlerFile = host.kind === "tenant" ? tenantCrawlerFile(pathname) : null;
  if (crawlerFile)
    return withSecurityHeaders(crawlerFile, pathname, policyFor(null).csp, requestId);
  // Unknown hosts get the root app; links and cookies are only minted for allow-listed hosts.
  const rewritten = host.kind === "tenant" && !isGlobalPath(pathname);
  const variant = perRequestVariants.get(pathname);
  const perRequest = variant !== undefined && needsPerRequestVariant(request);
  const { csp, nonce } = policyFor(rewritten || perRequest ? null : pathname);
  // Next.js takes the nonce for its scripts from the request's policy.
  if (nonce) headers.set("content-security-policy", csp);
  else headers.delete("content-security-policy");
  const init = { request: { headers } };

  if (perRequest) {
    const url = request.nextUrl.clone();
    url.pathname = variant;
    return withSecurityHeaders(NextResponse.rewrite(url, init), pathname, csp, requestId);
  }
  if (!rewritten || host.kind !== "tenant") {
    return withSecurityHeaders(NextResponse.next(init), pathname, csp, requestId);
  }
  if (tenantHostDown(host.slug) && !pathname.startsWith("/api/")) {
    return withSecurityHeaders(tenantUnavailable(), pathname, csp, requestId);
  }
  const url = request.nextUrl.clone();
  url.pathname = `${TENANT_PREFIX}/${host.slug}${pathname === "/" ? "" : pathname}`;
  return withSecurityHeaders(NextResponse.rewrite(url, init), pathname, csp, requestId);
}

export const config = {
  // Files with an extension are not skipped: the proxy must see every path under the internal prefix.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
