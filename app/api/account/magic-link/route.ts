import { accountApi, badRequest, rateLimitResponse } from "@/lib/auth/flows/api";
import { authMessages } from "@/lib/auth/flows/messages";
import { requestMagicLink } from "@/lib/auth/flows/requests";

/** POST { email } → 202 with the same body whether or not the address is registered. */
export function POST(request: Request) {
  return accountApi(request, async (body, ctx) => {
    const outcome = await requestMagicLink(body, ctx);
    if (outcome.kind === "invalid") return badRequest(outcome.fieldErrors);
    if (outcome.kind === "limited") return rateLimitResponse(outcome.limit);
    return Response.json({ message: authMessages.magicLinkRequested }, { status: 202 });
  });
}
