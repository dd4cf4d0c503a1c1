import "server-only";

import { ExpectedError, type ErrorCode } from "@/lib/errors";
import { db, type Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How long a sign-in or a "confirm it's you" counts as recent for dangerous changes. */
export const recentAuthenticationWindowMs = 10 * 60 * 1000;

/**
 * A dangerous change was asked for by a session that has not proved who it is recently.
 * 403 with its own code, so forms offer the "Confirm it's you" step and then a retry.
 */
export class ReauthenticationRequiredError extends ExpectedError {
  override readonly code: ErrorCode = "reauthentication_required";
  constructor() {
    super("For your security, confirm it's you first, then try again.", 403);
    this.name = "ReauthenticationRequiredError";
  }
}

/**
 * When the session last proved who is behind it: its own confirmation, else its creation,
 * which was a sign-in (a hand-off session records an old confirmation time on purpose).
 * Null when the session does not exist (or belongs to another user).
 */
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

/** Whether the session proved who it is within the last 10 minutes (at `now`). */
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

/**
 * Step-up for dangerous changes (2FA on or off, password, email, deleting the account or an
 * organization, handing an organization over): a stolen session cookie alone must not be
 * enough. Throws ReauthenticationRequiredError unless the session signed in or confirmed
 * it is the owner (password, authenticator code or emailed link) within the last 10 minutes.
 */
export async function requireRecentAuthentication(
  session: { sessionId: string; userId: string },
  now: Date = new Date(),
): Promise<void> {
  if (!(await hasRecentAuthentication(session, now))) throw new ReauthenticationRequiredError();
}

/** Records a successful "confirm it's you" on the session (and only on that session). */
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
