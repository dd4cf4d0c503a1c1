import { requestAccountExport } from "@/lib/account/export/store";
import { getCurrentSession } from "@/lib/auth/current-session";
import { databaseUnavailableResponse } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { clientInfoFrom } from "@/lib/http/client-info";
import { forbiddenOrigin, isSameOriginRequest } from "@/lib/http/same-origin";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";

export const dynamic = "force-dynamic";

/**
 * POST → "Download my data": queues the export (built by a job, lib/account/export) and
 * answers 202; the user gets an email with a signed link valid 24 hours. The account
 * page's form gets a redirect back instead of a JSON body.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request)) return forbiddenOrigin();
  let jobId: string;
  try {
    const session = await getCurrentSession();
    if (!session) {
      return Response.json({ error: "Sign in to export your data." }, { status: 401 });
    }
    jobId = await requestAccountExport(session.user.id, clientInfoFrom(request.headers));
  } catch (error) {
    const unavailable = databaseUnavailableResponse(error);
    if (unavailable) return unavailable;
    throw error;
  }
  deliverOutboxAfterResponse([jobId]);
  if (request.headers.get("sec-fetch-mode") === "navigate") {
    return Response.redirect(`${env.appUrl}/account?export=requested#data`, 303);
  }
  return Response.json(
    { status: "queued", message: "We are preparing your data and will email you a link." },
    { status: 202 },
  );
}
