import { NextResponse } from "next/server";
import { withPublic } from "@/lib/actions/route";
import { setSessionCookie } from "@/lib/auth/current-session";
import { acceptHandoff } from "@/lib/auth/flows/handoff";
import { safeRedirectTarget } from "@/lib/auth/redirects";
import { env } from "@/lib/env";
import { hostNotAllowed, requestWithPublicUrl } from "@/lib/http/allowed-host";

/**
 * GET /api/account/handoff/accept?token=…&next=/path on an organization's host: trades the
 * one-time token for a session on this host, then continues to `next` on the same host.
 */
export const GET = withPublic({}, async ({ request, ctx }) => {
  // The host the browser used (route handlers see localhost otherwise): the session and
  // the redirect are for this organization's host.
  const publicRequest = requestWithPublicUrl(request);
  if (!publicRequest) return hostNotAllowed();
  const url = new URL(publicRequest.url);
  const next = url.searchParams.get("next") ?? "/";
  // Only a path on this very host (the shared check refuses `//`, `\`, tabs and newlines,
  // which browsers turn into another host): never a way to bounce the user elsewhere.
  const path = safeRedirectTarget(next.startsWith("/") ? next : null, {
    appUrl: env.appUrl,
    rootDomain: env.rootDomain,
  });
  const session = await acceptHandoff(url.searchParams.get("token") ?? "", ctx.client);
  if (session) await setSessionCookie(session.token, session.expires);
  const destination = session ? path : `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
  return NextResponse.redirect(new URL(destination, url), 303);
});

export const dynamic = "force-dynamic";
