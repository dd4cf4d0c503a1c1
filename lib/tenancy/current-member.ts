import "server-only";

import { headers } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentSession } from "@/lib/auth/current-session";
import type { ActiveSession } from "@/lib/auth/session-store";
import { env } from "@/lib/env";
import { setContextMember } from "@/lib/observability/request";
import { parseTenantHost } from "./host";
import { findMembershipBySlug, type VerifiedMembership } from "./membership";
import { can, type Permission } from "./permissions";

export type CurrentMember = VerifiedMembership & { session: ActiveSession; userId: string };

/**
 * For pages and layouts of an organization: the signed-in user's membership in the
 * organization this request's Host names, or null (signed out, not a member, root host).
 * The same rule as the action chain (lib/actions/chain.ts): the host only proposes a
 * slug, the membership row decides.
 */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const host = parseTenantHost((await headers()).get("host"), env.rootDomain);
  if (host.kind !== "tenant") return null;
  const session = await getCurrentSession();
  if (!session?.user.id) return null;
  const membership = await findMembershipBySlug(session.user.id, host.slug);
  if (membership) setContextMember({ ...membership, userId: session.user.id });
  return membership ? { ...membership, session, userId: session.user.id } : null;
});

/**
 * The current member, allowed `permission`. A non-member gets the not-found page, so a
 * page never confirms what they may not see; a member without the permission gets the
 * 403 page (app/org/[slug]/forbidden.tsx). The layout has already sent signed-out
 * visitors to sign in.
 */
export async function requireMember(permission: Permission): Promise<CurrentMember> {
  const member = await getCurrentMember();
  if (!member) notFound();
  if (!can(member.role, permission)) forbidden();
  return member;
}
