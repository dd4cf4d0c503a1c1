import "server-only";

import { isIP } from "node:net";
import { env } from "@/lib/env";
import { onPlatformSuffix } from "@/lib/env/cookie-scope";

// On the root domain, so one sign-in covers every subdomain; `__Host-` would forbid that.
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

// Undefined for host-only: browsers refuse Domain=localhost and IPs (see flows/handoff.ts), and a
// `*.vercel.app` host must never scope a cookie to the public suffix every deployment shares.
export function sharedCookieDomain(rootDomain: string): string | undefined {
  const host = rootDomain.replace(/:\d+$/, "").toLowerCase();
  if (!host.includes(".") || isIP(host) || host === "localhost" || host.endsWith(".localhost")) {
    return undefined;
  }
  if (onPlatformSuffix(host)) return undefined;
  return host;
}

// A staff member viewing the app as a customer: its own token, scoped like the session cookie so it
// reaches organization subdomains, and honoured only beside the staff member's session cookie.
export function impersonationCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Secure-keel.viewing-as" : "keel.viewing-as",
    options: {
      httpOnly: true,
      secure,
      sameSite: "lax" as const,
      path: "/",
      domain: sharedCookieDomain(env.rootDomain),
    },
  };
}

// Readable by the page, so prerendered pages can show the banner without a server round trip. It
// holds display text only; the server decides from the HttpOnly cookie above.
export function impersonationBannerCookieConfig() {
  const { name, options } = impersonationCookieConfig();
  return { name: `${name}-banner`, options: { ...options, httpOnly: false } };
}

export function challengeCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Host-keel.2fa" : "keel.2fa",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 10 * 60 },
  };
}

// A digest of the verification token: the link followed in this browser keeps the password;
// anywhere else it claims the account (lib/auth/flows/claim-unverified-account.ts).
export function signUpCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Host-keel.sign-up" : "keel.sign-up",
    options: { httpOnly: true, secure, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 },
  };
}
