import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeRedirectTarget } from "../redirects";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { referralFromCookieForNewUser } from "@/lib/referrals/record";
import { consumeToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import { confirmMailbox } from "./claim-unverified-account";
import { queueWelcomeEmail } from "./welcome";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";
import { finishPrimarySignIn, type SignInResult } from "./sign-in";

// Unknown addresses get a link too (the click creates the account); callers run this after the
// response, so neither the answer nor its timing tells addresses apart. A disabled account gets
// one as well: its landing page tells the mailbox's owner the account is disabled.
export async function sendMagicLink(
  email: string,
  ctx: RequestContext,
  callbackUrl?: string,
): Promise<string[]> {
  // Only one of our own pages or hosts rides along in the link (see lib/auth/redirects.ts).
  const returnTo = safeRedirectTarget(callbackUrl, {
    appUrl: env.appUrl,
    rootDomain: env.rootDomain,
    fallback: "",
  });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const { token } = await issueToken(tx, {
      purpose: "MAGIC_LINK",
      email,
      userId: user?.id ?? null,
      now: ctx.now,
    });
    const id = await enqueueEmail(tx, {
      to: email,
      template: "magicLink",
      data: {
        url: accountLinks.magicLink(token, returnTo || undefined),
        expiresInMinutes: tokenLifetimesMinutes.MAGIC_LINK,
      },
    });
    return [id];
  });
}

export async function signInWithMagicLink(
  token: string,
  ctx: RequestContext,
): Promise<Extract<SignInResult, { status: "signed-in" | "two-factor" | "invalid" | "disabled" }>> {
  const now = ctx.now ?? new Date();
  const user = await db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "MAGIC_LINK", token, now);
    if (!used) return null;
    const existing = await tx.user.findUnique({
      where: { email: used.email },
      select: { id: true, disabledAt: true, twoFactorEnabledAt: true },
    });
    if (existing?.disabledAt) return "disabled" as const;
    if (existing) {
      const outcome = await confirmMailbox(tx, {
        userId: existing.id,
        via: "magic-link",
        now,
        ctx,
      });
      const twoFactor = outcome !== "claimed" && existing.twoFactorEnabledAt !== null;
      return { id: existing.id, twoFactor };
    }
    const created = await tx.user.create({
      data: {
        email: used.email,
        emailVerified: now,
        ...(await referralFromCookieForNewUser(tx)),
      },
      select: { id: true, email: true, name: true },
    });
    // Confirmed at creation: no verification link will queue it later.
    await queueWelcomeEmail(tx, created);
    await recordAudit(tx, {
      action: "auth.sign_up",
      actorId: created.id,
      targetType: "user",
      targetId: created.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: "magic-link" },
    });
    return { id: created.id, twoFactor: false };
  });
  if (!user) return { status: "invalid" };
  if (user === "disabled") return { status: "disabled" };
  return finishPrimarySignIn(user.id, user.twoFactor, "magic-link", ctx);
}
