import { cookies } from "next/headers";
import { toResponse } from "@/lib/actions/chain";
import { withPublic } from "@/lib/actions/route";
import { requestSignIn } from "@/lib/auth/flows/requests";
import { challengeCookieConfig, sessionCookieConfig } from "@/lib/auth/session-cookie";

/**
 * POST { email, password } → 200 and the session cookie; 200 { twoFactor: true } and a
 * challenge cookie when a code is needed; 401 with one body for every wrong address or
 * password; 429 or 503 with Retry-After when limited.
 */
export const POST = withPublic({ body: "json" }, async ({ body }) => {
  const result = await requestSignIn(body);
  if (!result.ok) return toResponse(result);
  const outcome = result.data;
  const jar = await cookies();
  if (outcome.kind === "two-factor") {
    const { name, options } = challengeCookieConfig();
    jar.set(name, outcome.challengeToken, options);
    return Response.json({ twoFactor: true });
  }
  const { name, options } = sessionCookieConfig();
  jar.set(name, outcome.sessionToken, { ...options, expires: outcome.expires });
  return Response.json({ ok: true });
});
