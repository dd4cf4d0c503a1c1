import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { readImpersonation, type CurrentSession } from "./impersonation";
import { readSession } from "./session-store";
import {
  challengeCookieConfig,
  impersonationBannerCookieConfig,
  impersonationCookieConfig,
  sessionCookieConfig,
  signUpCookieConfig,
} from "./session-cookie";

export type { CurrentSession };

/**
 * Checked against the database once per request, so a revoked session is refused at once. A
 * staff member viewing the app as a customer gets the customer's session, but only beside their
 * own session cookie (lib/auth/impersonation.ts); an impersonation token anywhere else is nothing.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const jar = await cookies();
  const token = jar.get(sessionCookieConfig().name)?.value;
  if (!token) return null;
  const session = await readSession(db, token);
  // Checked on the id itself, never on the object being there (see GHSA-8fpg-xm3f-6cx3).
  if (!session?.user.id || session.impersonatorId) return null;
  const viewingAs = jar.get(impersonationCookieConfig().name)?.value;
  if (viewingAs) {
    const impersonation = await readImpersonation(db, viewingAs, session);
    if (impersonation?.user.id) return impersonation;
  }
  return session;
});

export async function requireSession(returnTo = "/account"): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

// Creating or joining an organization needs a confirmed address: nobody acts for one not theirs.
export async function requireVerifiedSession(returnTo = "/account"): Promise<CurrentSession> {
  const session = await requireSession(returnTo);
  if (!session.user.emailVerified) redirect("/account?confirm-email=1");
  return session;
}

export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieConfig().name)?.value;
}

export async function setSessionCookie(token: string, expires: Date): Promise<void> {
  const { name, options } = sessionCookieConfig();
  (await cookies()).set(name, token, { ...options, expires });
}

// Signing out or deleting the account also ends any viewing-as in this browser.
export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookieConfig();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
  await clearImpersonationCookies();
}

export async function readImpersonationCookie(): Promise<string | undefined> {
  return (await cookies()).get(impersonationCookieConfig().name)?.value;
}

/** `banner` is display text for the page's banner, never a secret. */
export async function setImpersonationCookies(
  token: string,
  expires: Date,
  banner: string,
): Promise<void> {
  const jar = await cookies();
  const secret = impersonationCookieConfig();
  const display = impersonationBannerCookieConfig();
  jar.set(secret.name, token, { ...secret.options, expires });
  // Next.js percent-encodes cookie values itself; the banner decodes once.
  jar.set(display.name, banner, { ...display.options, expires });
}

export async function clearImpersonationCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name, options } of [impersonationCookieConfig(), impersonationBannerCookieConfig()])
    jar.set(name, "", { ...options, maxAge: 0 });
}

export async function setChallengeCookie(token: string): Promise<void> {
  const { name, options } = challengeCookieConfig();
  (await cookies()).set(name, token, options);
}

export async function readChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(challengeCookieConfig().name)?.value;
}

export async function clearChallengeCookie(): Promise<void> {
  const { name, options } = challengeCookieConfig();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

export async function setSignUpCookie(value: string): Promise<void> {
  const { name, options } = signUpCookieConfig();
  (await cookies()).set(name, value, options);
}

export async function readSignUpCookie(): Promise<string | undefined> {
  return (await cookies()).get(signUpCookieConfig().name)?.value;
}

export async function clearSignUpCookie(): Promise<void> {
  const { name, options } = signUpCookieConfig();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}
