import "server-only";

import { ExpectedError, type ErrorCode } from "@/lib/errors";
import { db, type Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const recentAuthenticationWindowMs = 10 * 60 * 1000;

// 403 with its own code, so forms offer "Confirm it's you" and then retry.
export class ReauthenticationRequiredError extends ExpectedError {
  override readonly code: ErrorCode = "reauthentication_required";
  constructor() {
    super("For your security, confirm it's you first, then try again.", 403);
    this.name = "ReauthenticationRequiredError";
  }
}

// Confirmation, else creation (a sign-in); hand-off sessions record an old confirmation on purpose.
export async function lastAuthenticatedAt(session: {
  sessionId: string;
  userId: string;
}): Promise<Date | null> {
  const row = await db.session.findFirst({
    where: { id: session.sessionId, userId: session.userId },
    select: { createdAt: true, authenticatedAt: true },
  });
  if (!row) return null;
  return row.authenticatedAt ?? row.createdAt;
}

export async function hasRecentAuthentication(
  session: { sessionId: string; userId: string },
  now: Date = new Date(),
): Promise<boolean> {
  const at = await lastAuthenticatedAt(session);
  if (!at) return false;
  const age = now.getTime() - at.getTime();
  // A time ahead of `now` (clock skew between instances) still counts, but only so far.
  return age < recentAuthenticationWindowMs && age > -recentAuthenticationWindowMs;
}

// A stolen session cookie alone must not be enough for dangerous changes.
export async function requireRecentAuthentication(
  session: { sessionId: string; userId: string },
  now: Date = new Date(),
): Promise<void> {
  if (!(await hasRecentAuthentication(session, now))) throw new ReauthenticationRequiredError();
}

export async function markAuthenticated(
  client: Database | Prisma.TransactionClient,
  session: { sessionId: string; userId: string },
  now: Date,
): Promise<boolean> {
  const { count } = await client.session.updateMany({
    where: { id: session.sessionId, userId: session.userId },
    data: { authenticatedAt: now },
  });
  return count > 0;
}
