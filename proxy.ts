import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every page and route. For now it only passes requests through;
 * tenant resolution from the subdomain lands here. Authorization never lives
 * only here: the data-access layer checks every request itself.
 */
export function proxy(_request: NextRequest) {
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
