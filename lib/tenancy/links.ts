import { sharedCookieDomain } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { tenantUrl } from "./host";

// Via the root host's hand-off route where the session cookie cannot reach the subdomain.
export function organizationUrl(slug: string, path = "/"): string {
  const target = tenantUrl(slug, path, { appUrl: env.appUrl, rootDomain: env.rootDomain });
  if (sharedCookieDomain(env.rootDomain) === undefined) {
    return `${env.appUrl}/api/account/handoff?to=${encodeURIComponent(target)}`;
  }
  return target;
}
