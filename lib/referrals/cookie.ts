import "server-only";

import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { parseReferralCode } from "./code";

export const REFERRAL_COOKIE_DAYS = 30;

/**
 * The referral a visitor's browser carries from /r/<code> to sign-up: the code only (the
 * referrer is looked up when an account or organization is created), HttpOnly, for 30 days.
 * Host-only on the app's host, where sign-up, the magic link and OAuth callbacks land.
 */
export function referralCookieConfig() {
  const secure = env.appUrl.startsWith("https://");
  return {
    name: secure ? "__Secure-keel.referral" : "keel.referral",
    options: {
      httpOnly: true,
      secure,
      sameSite: "lax" as const,
      path: "/",
      maxAge: REFERRAL_COOKIE_DAYS * 24 * 60 * 60,
    },
  };
}

/** The code in this request's referral cookie, or null (none, malformed, or no request). */
export async function readReferralCookie(): Promise<string | null> {
  try {
    const jar = await cookies();
    return parseReferralCode(jar.get(referralCookieConfig().name)?.value);
  } catch {
    // Outside a request (a job, a script): there is no visitor, so no referral.
    return null;
  }
}
