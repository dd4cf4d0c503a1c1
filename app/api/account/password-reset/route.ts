import { toResponse } from "@/lib/actions/chain";
import { withPublic } from "@/lib/actions/route";
import { authMessages } from "@/lib/auth/flows/messages";
import { requestPasswordReset } from "@/lib/auth/flows/requests";

/** POST { email } → 202 with the same body whether or not the address is registered. */
export const POST = withPublic({ body: "json" }, async ({ body }) =>
  toResponse(await requestPasswordReset(body), {
    status: 202,
    body: () => ({ message: authMessages.resetRequested }),
  }),
);
