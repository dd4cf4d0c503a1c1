import { cookies } from "next/headers";
import { accountApi, badRequest, rateLimitResponse } from "@/lib/auth/flows/api";
import { authMessages } from "@/lib/auth/flows/messages";
import { requestSignIn } from "@/lib/auth/flows/requests";
import { challengeCookieConfig, sessionCookieConfig } from "@/lib/auth/session-cookie";

/**
 * POST { email, password } → 200 and the session cookie; 200 { twoFactor: true } and a
 * challenge cookie when a code is needed; 401 with one body for every wrong address or
 * password; 429 or 503 with Retry-After when limited.
 */
export function POST(request: Request) {
  return accountApi(request, async (body, ctx) => {
    const outcome = await requestSignIn(body, ctx);
    const jar = await cookies();
    switch (outcome.kind) {
      case "invalid":
        return badRequest(outcome.fieldErrors);
      case "limited":
        return rateLimitResponse(outcome.limit);
      case "wrong-credentials":
        return Response.json({ error: authMessages.wrongCredentials }, { status: 401 });
      case "two-factor": {
        const { name, options } = challengeCookieConfig();
        jar.set(name, outcome.challengeToken, options);
        return Response.json({ twoFactor: true });
      }
      case "signed-in": {
        const { name, options } = sessionCookieConfig();
        jar.set(name, outcome.sessionToken, { ...options, expires: outcome.expires });
        return Response.json({ ok: true });
      }
    }
  });
}
