import { NextResponse } from "next/server";
import { withPublic } from "@/lib/actions/route";
import { getCurrentSession } from "@/lib/auth/current-session";
import { createHandoff, handoffTarget, sessionHandoffNeeded } from "@/lib/auth/flows/handoff";

/**
 * GET /api/account/handoff?to=<absolute URL on one of our hosts>: opens the target signed
 * in. Links from the root host to an organization's subdomain go through here.
 */
export const GET = withPublic({}, async ({ request }) => {
  // A server action that redirects here (onboarding, accepting an invitation) makes Next.js
  // request the target first for a React Server Components payload ("RSC: 1"), to skip a
  // browser round trip. This is no page: answering with nothing makes Next fall back to a
  // plain browser redirect, and no hand-off token is minted for a request that cannot
  // follow it to the subdomain.
  if (request.headers.get("rsc") === "1") return new Response(null, { status: 204 });
  const target = handoffTarget(new URL(request.url).searchParams.get("to"));
  if (!target)
    return Response.json({ error: "The target is not one of our addresses." }, { status: 400 });
  const session = await getCurrentSession();
  // Viewing as a customer stays on hosts the staff member's own cookie reaches: a hand-off would
  // mint the customer a full session of their own.
  if (!session || session.impersonatorId || !sessionHandoffNeeded())
    return NextResponse.redirect(target, 303);
  const accept = await createHandoff({
    userId: session.user.id,
    email: session.user.email,
    target,
  });
  return NextResponse.redirect(accept, 303);
});

export const dynamic = "force-dynamic";
