import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { rootSitemap } from "@/lib/http/crawlers";

// Per request, like robots.ts: absolute URLs on this deployment's APP_URL, not the build's.
export const dynamic = "force-dynamic";

export default function sitemap(): MetadataRoute.Sitemap {
  return rootSitemap(env.appUrl);
}
