import "server-only";

import { cookies } from "next/headers";
import { sharedCookieDomain } from "@/lib/auth/session-cookie";
import { replicasConfigured } from "@/lib/db/read-routing";
import {
  asWrite,
  outsideRequestScope,
  RECENT_WRITE_COOKIE,
  RECENT_WRITE_WINDOW_MS,
  recentWriteUntil,
} from "@/lib/db/read-your-writes";
import { env } from "@/lib/env";

// On the root domain like the session cookie, so a write on one host shows on its subdomains too.
async function rememberWrite(): Promise<void> {
  try {
    (await cookies()).set(RECENT_WRITE_COOKIE, String(recentWriteUntil()), {
      httpOnly: true,
      secure: env.appUrl.startsWith("https://"),
      sameSite: "lax",
      path: "/",
      domain: sharedCookieDomain(env.rootDomain),
      maxAge: Math.ceil(RECENT_WRITE_WINDOW_MS / 1000),
    });
  } catch (error) {
    // Outside a server action or route handler (a render, a job) there is no response to mark.
    if (outsideRequestScope(error) || readOnlyCookies(error)) return;
    throw error;
  }
}

// Next refuses to set a cookie while rendering a page (ReadonlyRequestCookiesError).
function readOnlyCookies(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("Cookies can only be modified");
}

/** Its reads, and this browser's for RECENT_WRITE_WINDOW_MS after it succeeds, use the primary. */
export async function asRememberedWrite<T>(
  work: () => Promise<T>,
  succeeded: (result: T) => boolean = () => true,
): Promise<T> {
  if (!replicasConfigured()) return work();
  const result = await asWrite(work);
  if (succeeded(result)) await rememberWrite();
  return result;
}
