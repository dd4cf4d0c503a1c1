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
  memberships: VerifiedMembership[];
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
};

// The host only proposes a slug; the membership row decides (as in lib/actions/chain.ts).
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

// Non-members get not-found, so a page never confirms what they may not see.
export async function requireMember(permission: Permission): Promise<CurrentMember> {
  const member = await getCurrentMember();
  if (!member) notFound();
  if (!can(member.role, permission)) forbidden();
  return member;
}
