import { NextResponse } from "next/server";
import { impersonationRefusedMessage } from "@/lib/actions/impersonation";
import { getCurrentSession } from "@/lib/auth/current-session";
import { applyReturningCheckout } from "@/lib/billing/manage/checkout-return";
import { env } from "@/lib/env";
import { getCurrentMember } from "@/lib/tenancy/current-member";
import { tenantUrl } from "@/lib/tenancy/host";
import { can } from "@/lib/tenancy/permissions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /settings/billing/checkout-return?session_id= — Checkout's success URL. Applies the
 * session's subscription at once (the webhook brings the same state, later), then sends
 * the browser to the billing page, which only reads. The session must name this very
 * organization; a caller without billing:manage changes nothing.
 */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const url = new URL(request.url);
  const here = tenantUrl(slug, `/settings/billing/checkout-return${url.search}`, env);
  const session = await getCurrentSession();
  if (!session) {
    return NextResponse.redirect(
      tenantUrl(slug, `/sign-in?callbackUrl=${encodeURIComponent(here)}`, env),
      303,
    );
  }
  const member = await getCurrentMember();
  // Like the organization layout: a non-member learns nothing, not even that it exists.
  if (!member || member.organization.slug !== slug) {
    return new Response("Not found", { status: 404 });
  }
  if (!can(member.role, "billing:manage")) return new Response("Forbidden", { status: 403 });
  // "billing.checkout_return" in lib/actions/impersonation.ts: staff viewing as a customer.
  if (session.impersonatorId) return new Response(impersonationRefusedMessage, { status: 403 });
  const sessionId = url.searchParams.get("session_id");
  if (sessionId) await applyReturningCheckout(member.organization.id, sessionId);
  return NextResponse.redirect(tenantUrl(slug, "/settings/billing?checkout=success", env), 303);
}
