import { NextResponse } from "next/server";
import { withPublic } from "@/lib/actions/route";
import { getCurrentSession } from "@/lib/auth/current-session";
import { confirmReauthenticationLink } from "@/lib/auth/flows/reauthenticate";
import { hostNotAllowed, requestWithPublicUrl } from "@/lib/http/allowed-host";

/**
 * GET /api/account/reauthenticate?token=… from the "confirm it's you" email: stamps the
 * session of the browser that opens it (signed in to the same account) as recently
 * authenticated. Without a session nothing is used up: sign in first, then follow the link.
 */
export const GET = withPublic(
  { refuseWhileImpersonating: "account.reauthentication_confirm" },
  async ({ request, ctx }) => {
    const publicRequest = requestWithPublicUrl(request);
    if (!publicRequest) return hostNotAllowed();
    const url = new URL(publicRequest.url);
    const token = url.searchParams.get("token") ?? "";
    const session = await getCurrentSession();
    if (!session?.user.id) {
      return NextResponse.redirect(new URL("/sign-in?callbackUrl=%2Faccount", url), 303);
    }
    const ok = await confirmReauthenticationLink(
      token,
      { userId: session.user.id, sessionId: session.sessionId },
      ctx.client,
    );
    return NextResponse.redirect(
      new URL(ok ? "/account?confirmed=1" : "/account?confirm=failed", url),
      303,
    );
  },
);

export const dynamic = "force-dynamic";
