import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { parseReferralCode } from "@/lib/referrals/code";
import { referralCookieConfig } from "@/lib/referrals/cookie";

/**
 * GET /r/<code>: keeps the referral in a cookie and sends the visitor to sign-up. No database
 * lookup and the same answer for every code, so the link tells nobody whether a code exists;
 * the referrer is resolved (and checked) when the account or organization is created.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ code: string }> },
): Promise<Response> {
  const { code } = await params;
  const response = NextResponse.redirect(new URL("/sign-up", env.appUrl), 303);
  const parsed = parseReferralCode(code);
  if (parsed) {
    const { name, options } = referralCookieConfig();
    response.cookies.set(name, parsed, options);
  }
  response.headers.set("cache-control", "no-store");
  response.headers.set("referrer-policy", "no-referrer");
  return response;
}
