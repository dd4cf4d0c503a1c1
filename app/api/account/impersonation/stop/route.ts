import { NextResponse } from "next/server";
import { withPublic } from "@/lib/actions/route";
import { stopImpersonation } from "@/lib/admin/impersonation/stop";
import {
  clearImpersonationCookies,
  currentSessionToken,
  readImpersonationCookie,
} from "@/lib/auth/current-session";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * POST → the banner's Stop button: ends this browser's viewing-as (recorded), clears its cookies
 * on whichever host the form was on, and sends the staff member back to the user's page in the
 * console on the root host.
 */
export const POST = withPublic({}, async ({ ctx }) => {
  const [impersonation, staffSession] = await Promise.all([
    readImpersonationCookie(),
    currentSessionToken(),
  ]);
  const ended =
    impersonation && staffSession
      ? await stopImpersonation({ impersonation, staffSession }, ctx.client)
      : null;
  await clearImpersonationCookies();
  const back = ended ? `/admin/users/${encodeURIComponent(ended.userId)}` : "/admin";
  return NextResponse.redirect(new URL(back, env.appUrl), 303);
});
