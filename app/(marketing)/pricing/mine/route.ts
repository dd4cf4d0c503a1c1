import { getCurrentSession } from "@/lib/auth/current-session";
import { plansOfOrganizationsManagedBy } from "@/lib/billing/plans/owned-plans";
import { env } from "@/lib/env";
import { organizationUrl } from "@/lib/tenancy/links";
import type { ViewerPlans } from "../_components/viewer-plans";

/**
 * The per-user part of the (static) pricing page: where the viewer's buttons lead and
 * which plans their organizations are on. Private, never cached.
 */
export async function GET(): Promise<Response> {
  const session = await getCurrentSession();
  const owned = session ? await plansOfOrganizationsManagedBy(session.user.id) : [];
  const first = owned[0];
  const body: ViewerPlans = session
    ? {
        signedIn: true,
        owned,
        next: first
          ? { href: organizationUrl(first.slug, "/settings/billing"), kind: "billing" }
          : { href: `${env.appUrl}/onboarding`, kind: "onboarding" },
      }
    : { signedIn: false, owned: [], next: null };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
