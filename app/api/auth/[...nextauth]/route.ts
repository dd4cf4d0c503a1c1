import type { NextRequest } from "next/server";
import { NextRequest as Req } from "next/server";
import { handlers } from "@/lib/auth/authjs";
import { hostNotAllowed, requestWithPublicUrl } from "@/lib/http/allowed-host";

/**
 * Auth.js's OAuth endpoints (/api/auth/signin/github, /api/auth/callback/google, ...),
 * seen with the URL the browser used, rebuilt from an allow-listed host; refused (400) when
 * the request names a host that is not ours.
 */
function withPublicUrl(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest) => {
    const rebuilt = requestWithPublicUrl(request);
    // A host outside the allow-list (Host or X-Forwarded-Host): Auth.js would build its
    // redirect and callback URLs from it.
    if (!rebuilt) return hostNotAllowed();
    return handler(new Req(rebuilt));
  };
}

export const GET = withPublicUrl(handlers.GET);
export const POST = withPublicUrl(handlers.POST);
