import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAllowedHost } from "@/lib/http/allowed-host";
import { sharedCookieDomain } from "../session-cookie";
import { createSession } from "../session-store";
import { consumeToken, issueToken } from "../tokens";
import type { RequestContext } from "./context";

// Browsers refuse `Domain=localhost`, so in development each `*.localhost` host has its own cookie
// jar: a one-minute, one-time token carries the session to a subdomain.
export function sessionHandoffNeeded(): boolean {
  return sharedCookieDomain(env.rootDomain) === undefined;
}

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
    // Proves only that a session existed: the new one must not count as a fresh sign-in (step-up).
    await tx.session.update({
      where: { id: session.sessionId },
      data: { authenticatedAt: new Date(0) },
    });
    return session;
  });
}
