import { cookies } from "next/headers";
import { withPublic } from "@/lib/actions/route";
import { signOut } from "@/lib/auth/flows/sign-out";
import { sessionCookieConfig } from "@/lib/auth/session-cookie";

/** POST → ends the session on the server and clears the cookie. */
export const POST = withPublic({}, async ({ ctx }) => {
  const jar = await cookies();
  const { name, options } = sessionCookieConfig();
  const token = jar.get(name)?.value;
  if (token) await signOut(token, ctx.client);
  jar.set(name, "", { ...options, maxAge: 0 });
  return new Response(null, { status: 204 });
});
