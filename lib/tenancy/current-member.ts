import "server-only";

import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentSession } from "@/lib/auth/current-session";
import type { ActiveSession } from "@/lib/auth/session-store";
import { setContextMember } from "@/lib/observability/request";
import { sharedTransaction } from "@/lib/db/shared-transaction";
import type { ScopedDb } from "@/lib/db/tenant";
import { readMembershipsEntering, type VerifiedMembership } from "./membership";
import { can, type Permission } from "./permissions";
import { requestHost } from "./request-host";

export type CurrentMember = VerifiedMembership & {
  session: ActiveSession;
  userId: string;
  /** Every organization the user belongs to, by name (the switcher). */
  memberships: VerifiedMembership[];
  /** Runs `fn` in this request's transaction, scoped to the user and this organization. */
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
};

/**
 * For pages and layouts of an organization: the signed-in user's membership in the
 * organization this request's Host names, or null (signed out, not a member, root host).
 * The same rule as the action chain (lib/actions/chain.ts): the host only proposes a
 * slug, the membership row decides. Once per request: the membership read opens the
 * transaction the layout's and the page's tenant reads then share.
 */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const host = await requestHost();
  if (host.kind !== "tenant") return null;
  const session = await getCurrentSession();
  if (!session?.user.id) return null;
  const userId = session.user.id;
  const transaction = sharedTransaction({ userId });
  const { memberships, current } = await transaction.read((tx) =>
    readMembershipsEntering(tx, userId, host.slug),
  );
  if (!current) return null;
  transaction.enter(current.organization.id);
  setContextMember({ ...current, userId });
  return { ...current, session, userId, memberships, read: transaction.read };
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
