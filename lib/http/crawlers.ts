import type { MetadataRoute } from "next";

export const publicPages = [
  "/",
  "/pricing",
  "/docs/api",
  "/terms",
  "/privacy",
  "/sign-in",
  "/sign-up",
] as const;

// robots.txt is advice, not access control: these pages check who is asking themselves.
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

export const TENANT_ROBOTS_TXT = "User-Agent: *\nDisallow: /\n";

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
