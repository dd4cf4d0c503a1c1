import { cookies } from "next/headers";
import { withPublic } from "@/lib/actions/route";
import { clearImpersonationCookies } from "@/lib/auth/current-session";
import { signOut } from "@/lib/auth/flows/sign-out";
import { sessionCookieConfig } from "@/lib/auth/session-cookie";

/** POST → ends the session (and any viewing-as bound to it) and clears the cookies. */
export const POST = withPublic({}, async ({ ctx }) => {
  const jar = await cookies();
  const { name, options } = sessionCookieConfig();
  const token = jar.get(name)?.value;
  if (token) await signOut(token, ctx.client);
  jar.set(name, "", { ...options, maxAge: 0 });
  await clearImpersonationCookies();
  return new Response(null, { status: 204 });
});
