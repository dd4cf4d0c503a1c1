import "server-only";

import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { getCurrentSession } from "@/lib/auth/current-session";
import type { ActiveSession } from "@/lib/auth/session-store";
import { setContextMember } from "@/lib/observability/request";
import { withReplicaScopeOr } from "@/lib/db/replica-scope";
import { sharedTransaction } from "@/lib/db/shared-transaction";
import type { ScopedDb } from "@/lib/db/tenant";
import { enterAsMember, type VerifiedMembership } from "./membership";
import { can, type Permission } from "./permissions";
import { requestHost } from "./request-host";

export type CurrentMember = VerifiedMembership & {
  session: ActiveSession;
  userId: string;
  memberships: VerifiedMembership[];
  movingSince: Date | null;
  billingRow: unknown;
  read<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
  /** A read that tolerates a little lag (a list): on a replica when one is configured, else `read`. */
  readReplica<T>(fn: (tx: ScopedDb) => Promise<T>): Promise<T>;
};

type MemberLookup =
  | { kind: "none" }
  | { kind: "suspended"; membership: VerifiedMembership }
  | { kind: "member"; member: CurrentMember };

const lookupCurrentMember = cache(async (): Promise<MemberLookup> => {
  const host = await requestHost();
  if (host.kind !== "tenant") return { kind: "none" };
  const session = await getCurrentSession();
  if (!session?.user.id) return { kind: "none" };
  const userId = session.user.id;
  const transaction = sharedTransaction({ userId });
  const { memberships, current, suspended, movingSince, billingRow } = await transaction.open(
    (tx, settings) => enterAsMember(tx, settings, userId, host.slug),
  );
  if (suspended) return { kind: "suspended", membership: suspended };
  if (!current) return { kind: "none" };
  transaction.enter(current.organization.id);
  setContextMember({ ...current, userId });
  return {
    kind: "member",
    member: {
      ...current,
      session,
      userId,
      memberships,
      movingSince,
      billingRow,
      read: transaction.read,
      readReplica: (fn) =>
        withReplicaScopeOr(
          { userId, organizationId: current.organization.id },
          fn,
          transaction.read,
        ),
    },
  };
});

/** The caller's membership of this host's organization; null for a suspended organization too. */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const lookup = await lookupCurrentMember();
  return lookup.kind === "member" ? lookup.member : null;
});

export async function getSuspendedMembership(): Promise<VerifiedMembership | null> {
  const lookup = await lookupCurrentMember();
  return lookup.kind === "suspended" ? lookup.membership : null;
}

// Non-members get 404, never confirming what they may not see; a suspended one's members get 403.
export async function requireMember(permission: Permission): Promise<CurrentMember> {
  const member = await getCurrentMember();
  if (!member) {
    if (await getSuspendedMembership()) forbidden();
    notFound();
  }
  if (!can(member.role, permission)) forbidden();
  return member;
}
