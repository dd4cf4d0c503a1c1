import { sharedCookieDomain } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { tenantUrl } from "./host";

/**
 * The address of a page of an organization: always its own subdomain. Where the session
 * cookie cannot reach the subdomain (development on localhost), the link goes through the
 * root host's hand-off route, which carries the session over (lib/auth/flows/handoff.ts).
 */
export function organizationUrl(slug: string, path = "/"): string {
  const target = tenantUrl(slug, path, { appUrl: env.appUrl, rootDomain: env.rootDomain });
  if (sharedCookieDomain(env.rootDomain) === undefined) {
    return `${env.appUrl}/api/account/handoff?to=${encodeURIComponent(target)}`;
  }
  return target;
}
