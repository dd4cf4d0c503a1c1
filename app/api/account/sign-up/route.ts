import { cookies } from "next/headers";
import { toResponse } from "@/lib/actions/chain";
import { withPublic } from "@/lib/actions/route";
import { authMessages } from "@/lib/auth/flows/messages";
import { requestSignUp } from "@/lib/auth/flows/requests";
import { signUpCookieConfig } from "@/lib/auth/session-cookie";

/** POST { name, email, password } → 202 with the same body whether or not the address is registered. */
export const POST = withPublic({ body: "json" }, async ({ body }) => {
  const result = await requestSignUp(body);
  if (result.ok) {
    const { name, options } = signUpCookieConfig();
    (await cookies()).set(name, result.data.signUpCookie, options);
  }
  return toResponse(result, {
    status: 202,
    body: () => ({ message: authMessages.signUpAccepted }),
  });
});
