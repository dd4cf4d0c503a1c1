import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAllowedHost } from "@/lib/http/allowed-host";
import { sharedCookieDomain } from "../session-cookie";
import { createSession } from "../session-store";
import { consumeToken, issueToken } from "../tokens";
import type { RequestContext } from "./context";

/**
 * Carries a signed-in session from the root host to an organization's subdomain where the
 * cookie cannot follow: browsers refuse `Domain=localhost`, so in development each
 * `*.localhost` host has its own cookie jar. The root host mints a one-time token valid for
 * a minute; the subdomain trades it for a session of its own. Where the cookie is shared
 * (a real root domain), no hand-off is needed and the link goes straight to the target.
 */
export function sessionHandoffNeeded(): boolean {
  return sharedCookieDomain(env.rootDomain) === undefined;
}

/** The target URL if it is an absolute URL on one of our hosts, else null. */
export function handoffTarget(value: string | null | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    const app = new URL(env.appUrl);
    if (url.protocol !== app.protocol || url.username || url.password) return null;
    return isAllowedHost(url.host) ? url : null;
  } catch {
    return null;
  }
}

/** Mints the one-time token for a signed-in user heading to `target`. */
export async function createHandoff(input: {
  userId: string;
  email: string;
  target: URL;
  now?: Date;
}) {
  const { token } = await db.$transaction((tx) =>
    issueToken(tx, {
      purpose: "SESSION_HANDOFF",
      email: input.email,
      userId: input.userId,
      now: input.now,
    }),
  );
  const accept = new URL("/api/account/handoff/accept", input.target.origin);
  accept.searchParams.set("token", token);
  accept.searchParams.set("next", `${input.target.pathname}${input.target.search}`);
  return accept;
}

/** Trades a hand-off token for a new session on this host; null when it is used or expired. */
export async function acceptHandoff(token: string, ctx: RequestContext) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "SESSION_HANDOFF", token, now);
    if (!used?.userId) return null;
    const user = await tx.user.findUnique({
      where: { id: used.userId },
      select: { disabledAt: true },
    });
    if (!user || user.disabledAt) return null;
    const session = await createSession(tx, {
      userId: used.userId,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      now,
    });
    // A hand-off proves only that a session existed, not who holds it: the new session does
    // not count as a fresh sign-in for step-up (a stolen cookie must not mint one that does).
    await tx.session.update({
      where: { id: session.sessionId },
      data: { authenticatedAt: new Date(0) },
    });
    return session;
  });
}
