import "server-only";

import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateToken, hashToken } from "./tokens";

// Database sessions, so any can be ended at once; the table holds only the token's SHA-256.
export const sessionPolicy = {
  absoluteMs: 30 * 24 * 60 * 60 * 1000,
  idleMs: 7 * 24 * 60 * 60 * 1000,
  // Written at most this often, so reads rarely write.
  touchEveryMs: 5 * 60 * 1000,
} as const;

type Client = Database | Prisma.TransactionClient;

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  emailVerified: Date | null;
  twoFactorEnabled: boolean;
  hasPassword: boolean;
};

export type ActiveSession = {
  sessionId: string;
  createdAt: Date;
  expires: Date;
  user: SessionUser;
  /** The staff member viewing the app as this user, on an impersonation session (lib/admin). */
  impersonatorId?: string | null;
};

// FOR SHARE: a password change, reset or claim updates this row before ending sessions, so it waits
// for a sign-in holding the lock (then ends that session), or the sign-in waits for the new hash.
export async function lockSignInCredentials(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<{ passwordHash: string | null; disabledAt: Date | null } | null> {
  const [row] = await tx.$queryRaw<{ passwordHash: string | null; disabledAt: Date | null }[]>`
    SELECT "passwordHash", "disabledAt" FROM "User" WHERE "id" = ${userId} FOR SHARE`;
  return row ?? null;
}

export async function createSession(
  client: Client,
  input: { userId: string; ipAddress?: string | null; userAgent?: string | null; now?: Date },
): Promise<{ token: string; sessionId: string; expires: Date }> {
  const now = input.now ?? new Date();
  const token = generateToken();
  const expires = new Date(now.getTime() + sessionPolicy.absoluteMs);
  const session = await client.session.create({
    data: {
      sessionToken: hashToken(token),
      userId: input.userId,
      expires,
      createdAt: now,
      lastSeenAt: now,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expires };
}

type SessionRow = {
  id: string;
  createdAt: Date;
  expires: Date;
  lastSeenAt: Date;
  impersonatorId: string | null;
  userId: string;
  email: string;
  name: string | null;
  emailVerified: Date | null;
  disabledAt: Date | null;
  twoFactorEnabled: boolean;
  hasPassword: boolean;
};

export async function readSession(
  client: Database,
  token: string,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  // One statement for the session and its user (Prisma's nested select sends two): every
  // signed-in request reads it. Only whether a password exists leaves the database, not its hash.
  const [row] = await client.$queryRaw<SessionRow[]>`
    SELECT s."id", s."createdAt", s."expires", s."lastSeenAt", s."impersonatorId",
           u."id" AS "userId", u."email", u."name", u."emailVerified", u."disabledAt",
           u."twoFactorEnabledAt" IS NOT NULL AS "twoFactorEnabled",
           u."passwordHash" IS NOT NULL AS "hasPassword"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${hashToken(token)}`;
  if (!row) return null;
  const idleUntil = row.lastSeenAt.getTime() + sessionPolicy.idleMs;
  if (row.expires <= now || idleUntil <= now.getTime() || row.disabledAt) {
    await client.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= sessionPolicy.touchEveryMs) {
    await client.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: row.id,
    createdAt: row.createdAt,
    expires: row.expires,
    impersonatorId: row.impersonatorId,
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      emailVerified: row.emailVerified,
      twoFactorEnabled: row.twoFactorEnabled,
      hasPassword: row.hasPassword,
    },
  };
}

export async function revokeSessionToken(client: Client, token: string): Promise<void> {
  await client.session.deleteMany({ where: { sessionToken: hashToken(token) } });
}

// Ids of other users' sessions match nothing.
export async function revokeUserSession(
  client: Client,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const { count } = await client.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

export async function revokeOtherSessions(
  client: Client,
  userId: string,
  keepSessionId: string | null,
): Promise<number> {
  const { count } = await client.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function listSessions(
  client: Database,
  userId: string,
  now: Date = new Date(),
): Promise<SessionSummary[]> {
  return client.session.findMany({
    where: {
      userId,
      expires: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - sessionPolicy.idleMs) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true },
  });
}
