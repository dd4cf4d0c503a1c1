import { env } from "@/lib/env";
import { clearDevMailbox } from "@/lib/email/transport";
import { forbiddenOrigin, isSameOriginRequest } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/**
 * Empties the dev mailbox ("Clear mailbox" posts here). A 404 in production like the page;
 * the origin check keeps another site from posting a form here.
 */
export async function POST(request: Request): Promise<Response> {
  if (env.isProduction) return new Response(null, { status: 404 });
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  await clearDevMailbox();
  return new Response(null, { status: 303, headers: { location: "/dev/mailbox" } });
}
