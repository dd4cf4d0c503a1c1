import { withUser } from "@/lib/actions/route";
import { requestAccountExport } from "@/lib/account/export/store";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * POST → "Email me my data": queues the export (built by a job, lib/account/export) and
 * answers 202; the user gets an email with a signed link valid 24 hours. The account
 * page's form gets a redirect back instead of a JSON body.
 */
export const POST = withUser({}, async ({ request, ctx }) => {
  await requestAccountExport(ctx.userId, ctx.client);
  if (request.headers.get("sec-fetch-mode") === "navigate") {
    return Response.redirect(`${env.appUrl}/account?export=requested#data`, 303);
  }
  return Response.json(
    { status: "queued", message: "We are preparing your data and will email you a link." },
    { status: 202 },
  );
});
