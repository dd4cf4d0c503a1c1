import type { NextRequest } from "next/server";
import { NextRequest as Req } from "next/server";
import { handlers } from "@/lib/auth/authjs";
import { requestWithPublicUrl } from "@/lib/http/allowed-host";

/**
 * Auth.js's OAuth endpoints (/api/auth/signin/github, /api/auth/callback/google, ...),
 * seen with the URL the browser used, rebuilt from an allow-listed host.
 */
function withPublicUrl(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest) => {
    const rebuilt = requestWithPublicUrl(request);
    return handler(rebuilt === request ? request : new Req(rebuilt));
  };
}

export const GET = withPublicUrl(handlers.GET);
export const POST = withPublicUrl(handlers.POST);
