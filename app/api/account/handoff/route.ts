import { NextResponse } from "next/server";
import { getCurrentSession } from "@/lib/auth/current-session";
import { createHandoff, handoffTarget, sessionHandoffNeeded } from "@/lib/auth/flows/handoff";

/**
 * GET /api/account/handoff?to=<absolute URL on one of our hosts>: opens the target signed
 * in. Links from the root host to an organization's subdomain go through here.
 */
export async function GET(request: Request) {
  const target = handoffTarget(new URL(request.url).searchParams.get("to"));
  if (!target)
    return Response.json({ error: "The target is not one of our addresses." }, { status: 400 });
  const session = await getCurrentSession();
  if (!session || !sessionHandoffNeeded()) return NextResponse.redirect(target, 303);
  const accept = await createHandoff({
    userId: session.user.id,
    email: session.user.email,
    target,
  });
  return NextResponse.redirect(accept, 303);
}

export const dynamic = "force-dynamic";
