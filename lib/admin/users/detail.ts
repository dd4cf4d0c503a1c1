import "server-only";

import { sessionPolicy } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { membershipsOf, type UserMembership } from "./memberships";
import { recentSecurityEvents, type SecurityEvent } from "./security-events";

export type UserSessionRow = {
  id: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** Set on a session where staff is viewing the app as this user. */
  impersonator: { id: string; email: string | null } | null;
};

export type UserDetail = {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
  emailVerifiedAt: Date | null;
  twoFactorEnabledAt: Date | null;
  staffSince: Date | null;
  disabledAt: Date | null;
  hasPassword: boolean;
  oauthProviders: string[];
  memberships: UserMembership[];
  sessions: UserSessionRow[];
  securityEvents: SecurityEvent[];
};

/** Everything the user page shows about one account, or null for an unknown id. */
export async function getUserDetail(userId: string, now = new Date()): Promise<UserDetail | null> {
  // From the URL: what cannot be an id (or be stored in PostgreSQL) is simply not found.
  if (userId.length > 100 || userId.includes("\u0000")) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      createdAt: true,
      emailVerified: true,
      twoFactorEnabledAt: true,
      staffSince: true,
      disabledAt: true,
      passwordHash: true,
      accounts: { select: { provider: true }, orderBy: { provider: "asc" } },
      // Live as readSession sees them: neither past their end nor idle too long.
      sessions: {
        where: {
          expires: { gt: now },
          lastSeenAt: { gt: new Date(now.getTime() - sessionPolicy.idleMs) },
        },
        orderBy: { lastSeenAt: "desc" },
        select: {
          id: true,
          ipAddress: true,
          userAgent: true,
          createdAt: true,
          lastSeenAt: true,
          impersonatorId: true,
        },
      },
    },
  });
  if (!user) return null;
  const impersonatorIds = [
    ...new Set(user.sessions.flatMap((s) => (s.impersonatorId ? [s.impersonatorId] : []))),
  ];
  const [memberships, securityEvents, impersonators] = await Promise.all([
    membershipsOf([user.id]),
    recentSecurityEvents(user.id),
    impersonatorIds.length > 0
      ? db.user.findMany({
          where: { id: { in: impersonatorIds } },
          select: { id: true, email: true },
        })
      : [],
  ]);
  const staffById = new Map(impersonators.map((staff) => [staff.id, staff]));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt,
    emailVerifiedAt: user.emailVerified,
    twoFactorEnabledAt: user.twoFactorEnabledAt,
    staffSince: user.staffSince,
    disabledAt: user.disabledAt,
    hasPassword: user.passwordHash !== null,
    oauthProviders: user.accounts.map((a) => a.provider),
    memberships: memberships.get(user.id) ?? [],
    securityEvents,
    sessions: user.sessions.map(({ impersonatorId, ...session }) => ({
      ...session,
      impersonator: impersonatorId
        ? { id: impersonatorId, email: staffById.get(impersonatorId)?.email ?? null }
        : null,
    })),
  };
}

/** Whether an account exists: the user page's layout answers 404 before any of it streams. */
export async function userExists(userId: string): Promise<boolean> {
  if (userId.length > 100 || userId.includes("\u0000")) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  return user !== null;
}
