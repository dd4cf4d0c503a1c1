import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { hashPassword } from "../password";
import { generateToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

export type SignUpInput = { name: string; email: string; password: string };

/**
 * The verification token a sign-up will use, and the value of the cookie that binds it to
 * the browser that signed up. Made before the response, for every sign-up (a registered
 * address gets a cookie too, so nothing tells the two apart). The cookie is a one-way
 * digest: it does not give the link to whoever holds it, and the link alone does not
 * give the cookie.
 */
export function prepareSignUpBinding(): { verificationToken: string; cookie: string } {
  const verificationToken = generateToken();
  return { verificationToken, cookie: signUpBindingOf(verificationToken) };
}

function signUpBindingOf(token: string): string {
  return createHash("sha256").update(`keel:sign-up-binding:${token}`).digest("base64url");
}

/** Whether `cookie` is the binding sign-up set for this verification token. */
export function isSignUpBinding(cookie: string | undefined, token: string): boolean {
  if (!cookie) return false;
  const expected = Buffer.from(signUpBindingOf(token));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Creates the account and emails a verification link; when the address already has an
 * account, emails its owner instead (sign in or reset). Runs after the response is sent,
 * so both cases answer the same thing in the same time: sign-up never reveals whether an
 * address is registered. Returns the outbox ids to deliver.
 */
export async function registerAccount(
  input: SignUpInput,
  ctx: RequestContext,
  options: { verificationToken?: string } = {},
): Promise<string[]> {
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, name: true },
    });
    if (existing) {
      const id = await enqueueEmail(tx, {
        to: input.email,
        template: "accountExists",
        data: {
          name: existing.name,
          signInUrl: accountLinks.signIn(),
          resetUrl: accountLinks.forgotPassword(),
        },
      });
      return [id];
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, passwordChangedAt: now },
      select: { id: true },
    });
    const { token } = await issueToken(tx, {
      purpose: "EMAIL_VERIFICATION",
      email: input.email,
      userId: user.id,
      now,
      token: options.verificationToken,
    });
    await recordAudit(tx, {
      action: "auth.sign_up",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ipAddress: ctx.ipAddress,
      userAgent: ctx.userAgent,
      metadata: { method: "password" },
    });
    const id = await enqueueEmail(tx, {
      to: input.email,
      template: "verifyEmail",
      data: {
        name: input.name,
        url: accountLinks.verifyEmail(token),
        expiresInMinutes: tokenLifetimesMinutes.EMAIL_VERIFICATION,
      },
    });
    return [id];
  });
}
