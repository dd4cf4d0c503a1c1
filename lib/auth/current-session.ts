import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { readSession, type ActiveSession } from "./session-store";
import { challengeCookieConfig, sessionCookieConfig, signUpCookieConfig } from "./session-cookie";

// Checked against the database once per request, so a revoked session is refused at once.
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const token = (await cookies()).get(sessionCookieConfig().name)?.value;
  if (!token) return null;
  const session = await readSession(db, token);
  // Checked on the id itself, never on the object being there (see GHSA-8fpg-xm3f-6cx3).
  return session?.user.id ? session : null;
});

export async function requireSession(returnTo = "/account"): Promise<ActiveSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}

// Creating or joining an organization needs a confirmed address: nobody acts for one not theirs.
export async function requireVerifiedSession(returnTo = "/account"): Promise<ActiveSession> {
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

export async function clearSessionCookie(): Promise<void> {
  const { name, options } = sessionCookieConfig();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
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
