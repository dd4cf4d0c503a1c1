import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/flows/sign-out";
import { sessionCookieConfig } from "@/lib/auth/session-cookie";
import { clientInfoFrom } from "@/lib/http/client-info";
import { forbiddenOrigin, isSameOriginRequest } from "@/lib/http/same-origin";

/** POST → ends the session on the server and clears the cookie. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  const jar = await cookies();
  const { name, options } = sessionCookieConfig();
  const token = jar.get(name)?.value;
  if (token) await signOut(token, clientInfoFrom(request.headers));
  jar.set(name, "", { ...options, maxAge: 0 });
  return new Response(null, { status: 204 });
}
