"use client";

import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";

// Set by lib/auth/current-session.ts (setImpersonationCookies): display text only. The server
// decides from its HttpOnly twin; this only shows the banner, on prerendered pages too.
const bannerCookie = /(?:^|;\s*)(?:__Secure-)?keel\.viewing-as-banner=([^;]*)/;

const noSubscription = () => () => undefined;
const readCookie = () => bannerCookie.exec(document.cookie)?.[1] ?? null;
const onServer = () => null;

function parse(raw: string | null): { viewing: string; by: string } | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (typeof value !== "object" || value === null) return null;
    const { viewing, by } = value as Record<string, unknown>;
    return typeof viewing === "string" && typeof by === "string" ? { viewing, by } : null;
  } catch {
    return null;
  }
}

/** While staff view the app as a customer: on every page, who is viewed, by whom, and Stop. */
export function ImpersonationBanner() {
  // Re-read on every navigation: the root layout stays mounted while the cookie changes.
  usePathname();
  const banner = parse(useSyncExternalStore(noSubscription, readCookie, onServer));
  if (!banner) return null;
  return (
    <div
      role="region"
      aria-label="Viewing as a customer"
      className="sticky top-0 z-50 flex flex-wrap items-center justify-center gap-x-4 gap-y-2 bg-amber-400 px-4 py-2 text-sm text-amber-950"
    >
      <p>
        Viewing as <strong className="font-semibold">{banner.viewing}</strong> · by {banner.by}.
        Billing, security and deletion are off; everything else is recorded.
      </p>
      <form method="post" action="/api/account/impersonation/stop">
        <button
          type="submit"
          className="rounded-md bg-amber-950 px-3 py-1 font-medium text-white hover:bg-amber-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-950"
        >
          Stop viewing
        </button>
      </form>
    </div>
  );
}
