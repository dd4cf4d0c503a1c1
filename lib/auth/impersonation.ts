import "server-only";

import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActiveSession } from "./session-store";
import { generateToken, hashToken } from "./tokens";

/** A hard cap from the start: an impersonation session is never extended. */
export const impersonationPolicy = { maxMs: 30 * 60 * 1000 } as const;

export type Impersonator = { id: string; name: string | null; email: string };

/** The session a request acts with; `impersonator` is set while staff view the app as its user. */
export type CurrentSession = ActiveSession & { impersonator?: Impersonator };

type Client = Database | Prisma.TransactionClient;

// Bound to the staff member's own session, so ending that one ends this (ON DELETE CASCADE). Never
// a recent sign-in, so "confirm it's you" steps stay out of the staff member's reach.
export async function createImpersonationSession(
  client: Client,
  input: {
    userId: string;
    staffUserId: string;
    staffSessionId: string;
    reason: string;
    ipAddress?: string | null;
    userAgent?: string | null;
    now?: Date;
  },
): Promise<{ token: string; sessionId: string; expires: Date }> {
  const now = input.now ?? new Date();
  const token = generateToken();
  const expires = new Date(now.getTime() + impersonationPolicy.maxMs);
  const session = await client.session.create({
    data: {
      sessionToken: hashToken(token),
      userId: input.userId,
      expires,
      createdAt: now,
      lastSeenAt: now,
      authenticatedAt: new Date(0),
      impersonatorId: input.staffUserId,
      impersonatorSessionId: input.staffSessionId,
      impersonationReason: input.reason,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  return { token, sessionId: session.id, expires };
}

// Only when bound to `staffSession` (the same request's session cookie), both live, and its staff
// member still staff with two-factor on; else ignored: the staff member's session goes on.
export async function readImpersonation(
  client: Database,
  token: string,
  staffSession: ActiveSession,
  now: Date = new Date(),
): Promise<CurrentSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token) || staffSession.impersonatorId) return null;
  const row = await client.session.findUnique({
    where: { sessionToken: hashToken(token) },
    select: {
      id: true,
      createdAt: true,
      expires: true,
      impersonatorId: true,
      impersonatorSessionId: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          emailVerified: true,
          disabledAt: true,
          twoFactorEnabledAt: true,
          passwordHash: true,
        },
      },
      impersonatorSession: {
        select: {
          userId: true,
          user: {
            select: {
              id: true,
              email: true,
              name: true,
              staffSince: true,
              disabledAt: true,
              twoFactorEnabledAt: true,
            },
          },
        },
      },
    },
  });
  if (!row?.impersonatorId || row.impersonatorSessionId !== staffSession.sessionId) return null;
  if (row.expires <= now) {
    await client.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  const staff = row.impersonatorSession?.user;
  if (
    !staff ||
    staff.id !== row.impersonatorId ||
    staff.id !== staffSession.user.id ||
    !staff.staffSince ||
    staff.disabledAt ||
    !staff.twoFactorEnabledAt ||
    row.user.disabledAt
  ) {
    return null;
  }
  const { user } = row;
  return {
    sessionId: row.id,
    createdAt: row.createdAt,
    expires: row.expires,
    impersonatorId: staff.id,
    impersonator: { id: staff.id, name: staff.name, email: staff.email },
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified,
      twoFactorEnabled: user.twoFactorEnabledAt !== null,
      hasPassword: user.passwordHash !== null,
    },
  };
}

/** Only if bound to the staff session behind `staffToken`; returns what it ended, to record. */
export async function deleteImpersonation(
  client: Client,
  token: string,
  staffToken: string,
): Promise<{ userId: string; impersonatorId: string; sessionId: string } | null> {
  const row = await client.session.findUnique({
    where: { sessionToken: hashToken(token) },
    select: {
      id: true,
      userId: true,
      impersonatorId: true,
      impersonatorSession: { select: { sessionToken: true } },
    },
  });
  if (!row?.impersonatorId || row.impersonatorSession?.sessionToken !== hashToken(staffToken)) {
    return null;
  }
  const { count } = await client.session.deleteMany({ where: { id: row.id } });
  if (count === 0) return null;
  return { userId: row.userId, impersonatorId: row.impersonatorId, sessionId: row.id };
}
