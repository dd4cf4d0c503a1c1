import type { MetadataRoute } from "next";

/**
 * What search engines may index: the root host's public pages, and nothing of an
 * organization. app/robots.ts and app/sitemap.ts answer on the root host; proxy.ts answers
 * the same two files on an organization's subdomain (tenantCrawlerFile below).
 */

/** The root host's pages anyone can open: the sitemap lists them, in this order. */
export const publicPages = [
  "/",
  "/pricing",
  "/docs/api",
  "/terms",
  "/privacy",
  "/sign-in",
  "/sign-up",
] as const;

/**
 * Signed-in pages, the JSON API, and pages reached only through a link with a token in it.
 * robots.txt is advice, not access control: these pages check who is asking themselves.
 */
export const privatePrefixes = [
  "/api/",
  "/account",
  "/organizations",
  "/onboarding",
  "/invitations",
  "/admin",
  "/dev",
  "/verify-email",
  "/reset-password",
  "/magic-link",
  "/confirm-email-change",
  // Referral links: a redirect carrying someone's code, nothing to index.
  "/r/",
] as const;

const absolute = (appUrl: string, path: string) => `${appUrl}${path === "/" ? "" : path}`;

export function rootRobots(appUrl: string): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [...privatePrefixes] },
    sitemap: `${appUrl}/sitemap.xml`,
  };
}

export function rootSitemap(appUrl: string): MetadataRoute.Sitemap {
  return publicPages.map((path) => ({ url: absolute(appUrl, path) }));
}

/** An organization's pages are its members' alone: no crawler is welcome on its subdomain. */
export const TENANT_ROBOTS_TXT = "User-Agent: *\nDisallow: /\n";

/**
 * robots.txt and sitemap.xml asked of an organization's subdomain. They are top-level files,
 * which every host otherwise shares with the root, whose robots.txt allows its marketing pages
 * (on a subdomain, `/` is the organization) and whose sitemap lists another host's pages.
 * Null for any other path.
 */
export function tenantCrawlerFile(pathname: string): Response | null {
  if (pathname === "/robots.txt") {
    return new Response(TENANT_ROBOTS_TXT, {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "public, max-age=3600",
      },
    });
  }
  if (pathname === "/sitemap.xml") {
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return null;
}
