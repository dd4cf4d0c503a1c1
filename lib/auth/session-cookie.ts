import "server-only";

import { isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The session cookie. `HttpOnly` (no script can read it), `SameSite=Lax` (not sent on
 * cross-site POSTs), `Secure` with the `__Secure-` prefix whenever the app is served over
 * HTTPS. In production it is set on the root domain, so one sign-in covers every
 * organization's subdomain; `__Host-` would forbid that, hence `__Secure-`.
 */
export function sessionCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Secure-keel.session" : "keel.session",
    options: {
      httpOnly: true,
      secure,
      sameSite: "lax" as const,
      path: "/",
      domain: sharedCookieDomain(env.rootDomain),
    },
  };
}

/**
 * The Domain attribute that shares the cookie with subdomains, or undefined for a
 * host-only cookie. Browsers refuse `Domain=localhost` and IP addresses, so local
 * development keeps host-only cookies (a hand-off carries the session to subdomains).
 */
export function sharedCookieDomain(rootDomain: string): string | undefined {
  const host = rootDomain.replace(/:\d+$/, "").toLowerCase();
  if (!host.includes(".") || isIP(host) || host === "localhost" || host.endsWith(".localhost")) {
    return undefined;
  }
  return host;
}

/** The short-lived cookie that holds a pending second-factor challenge. */
export function challengeCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Host-keel.2fa" : "keel.2fa",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 10 * 60 },
  };
}

/**
 * Set by sign-up in the browser that chose the password: a digest of the verification
 * link's token (lib/auth/flows/sign-up.ts). Following the link in that browser is the
 * owner confirming their own sign-up, which keeps the password; anywhere else the link
 * claims the account (lib/auth/flows/claim-unverified-account.ts).
 */
export function signUpCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Host-keel.sign-up" : "keel.sign-up",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 },
  };
}
