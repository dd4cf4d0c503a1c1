import { env } from "@/lib/env";
import { drainQueueResponse } from "@/lib/jobs/drain-route";
import { isQStashCall } from "@/lib/jobs/qstash";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/**
 * The job queue's trigger for Upstash QStash (when QSTASH_TOKEN is set): a QStash schedule
 * calls it every minute, signed; see the README. Unsigned or wrongly signed calls get 401.
 */
export async function POST(request: Request): Promise<Response> {
  if (!env.QSTASH_TOKEN) return Response.json({ error: "Not found." }, { status: 404 });
  const body = await request.text();
  if (!(await isQStashCall(request, body))) {
    return Response.json({ error: "Unauthorized." }, { status: 401 });
  }
  return drainQueueResponse();
}
