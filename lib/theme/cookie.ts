import "server-only";

import { cookies } from "next/headers";
import { sharedCookieDomain } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { parseThemeCookie, THEME_COOKIE, type ThemeChoice } from "./choice";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

// Readable by the page on purpose: the head script (lib/theme/script.ts) applies it before paint.
export function themeCookieOptions() {
  return {
    httpOnly: false,
    secure: env.appUrl.startsWith("https://"),
    sameSite: "lax" as const,
    path: "/",
    domain: sharedCookieDomain(env.rootDomain),
    maxAge: ONE_YEAR_SECONDS,
  };
}

export async function readThemeChoice(): Promise<ThemeChoice> {
  return parseThemeCookie((await cookies()).get(THEME_COOKIE)?.value);
}
