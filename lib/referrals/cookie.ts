import "server-only";

import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { parseReferralCode } from "./code";

export const REFERRAL_COOKIE_DAYS = 30;

/** Holds only the code; host-only on the app host, where sign-up and auth callbacks land. */
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

export async function readReferralCookie(): Promise<string | null> {
  try {
    const jar = await cookies();
    return parseReferralCode(jar.get(referralCookieConfig().name)?.value);
  } catch {
    // Outside a request (a job, a script) there is no visitor, so no referral.
    return null;
  }
}
