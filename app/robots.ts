import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { rootRobots } from "@/lib/http/crawlers";

// Per request: one build serves deployments with different APP_URLs (a Docker image, the e2e
// server), and the sitemap's address must be this deployment's. An organization's subdomain
// never reaches this file (proxy.ts answers it with "Disallow: /").
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return rootRobots(env.appUrl);
}
