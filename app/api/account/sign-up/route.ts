import { cookies } from "next/headers";
import { accountApi, badRequest, rateLimitResponse } from "@/lib/auth/flows/api";
import { authMessages } from "@/lib/auth/flows/messages";
import { requestSignUp } from "@/lib/auth/flows/requests";
import { signUpCookieConfig } from "@/lib/auth/session-cookie";

/** POST { name, email, password } → 202 with the same body whether or not the address is registered. */
export function POST(request: Request) {
  return accountApi(request, async (body, ctx) => {
    const outcome = await requestSignUp(body, ctx);
    if (outcome.kind === "invalid") return badRequest(outcome.fieldErrors);
    if (outcome.kind === "limited") return rateLimitResponse(outcome.limit);
    const { name, options } = signUpCookieConfig();
    (await cookies()).set(name, outcome.signUpCookie, options);
    return Response.json({ message: authMessages.signUpAccepted }, { status: 202 });
  });
}
