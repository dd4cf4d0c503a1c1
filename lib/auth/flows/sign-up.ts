import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { readReferralCookie } from "@/lib/referrals/cookie";
import { referralForNewUser } from "@/lib/referrals/record";
import { hashPassword } from "../password";
import { generateToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

export type SignUpInput = { name: string; email: string; password: string };

export const SIGN_UP_KIND = "sign-up";

// Never the password, only its hash.
export const signUpJobSchema = z.object({
  name: z.string(),
  email: z.string(),
  passwordHash: z.string(),
  verificationToken: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The referral link the browser followed (lib/referrals); absent in jobs queued before it. */
  referralCode: z.string().nullable().optional(),
});
type SignUpJob = z.infer<typeof signUpJobSchema>;

// Made for every sign-up, registered address or not, so nothing tells the two apart. The cookie is
// a one-way digest: it does not give the link, and the link alone does not give the cookie.
export function prepareSignUpBinding(): { verificationToken: string; cookie: string } {
  const verificationToken = generateToken();
  return { verificationToken, cookie: signUpBindingOf(verificationToken) };
}

function signUpBindingOf(token: string): string {
  return createHash("sha256").update(`keel:sign-up-binding:${token}`).digest("base64url");
}

export function isSignUpBinding(cookie: string | undefined, token: string): boolean {
  if (!cookie) return false;
  const expected = Buffer.from(signUpBindingOf(token));
  const given = Buffer.from(cookie);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// The 202 must not say whether the address is registered, so the differing work runs later, queued
// durably first (a later failure cannot lose it) at the same cost either way.
export async function queueSignUp(
  input: SignUpInput,
  ctx: RequestContext,
  verificationToken: string,
): Promise<string> {
  const payload: SignUpJob = {
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    verificationToken,
    ipAddress: ctx.ipAddress,
    userAgent: ctx.userAgent,
    referralCode: await readReferralCookie(),
  };
  return enqueueJob(db, SIGN_UP_KIND, payload);
}

export class InvalidSignUpJobError extends Error {
  constructor() {
    super("The queued sign-up is not valid");
    this.name = "InvalidSignUpJobError";
  }
}

export async function runSignUpJob(
  tx: Prisma.TransactionClient,
  payload: unknown,
  now: Date,
): Promise<string[]> {
  const parsed = signUpJobSchema.safeParse(payload);
  if (!parsed.success) throw new InvalidSignUpJobError();
  const job = parsed.data;
  const existing = await tx.user.findUnique({
    where: { email: job.email },
    select: { id: true, name: true },
  });
  if (existing) {
    const id = await enqueueEmail(tx, {
      to: job.email,
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
    data: {
      name: job.name,
      email: job.email,
      passwordHash: job.passwordHash,
      passwordChangedAt: now,
      ...(await referralForNewUser(tx, job.referralCode)),
    },
    select: { id: true },
  });
  const { token } = await issueToken(tx, {
    purpose: "EMAIL_VERIFICATION",
    email: job.email,
    userId: user.id,
    now,
    token: job.verificationToken,
  });
  await recordAudit(tx, {
    action: "auth.sign_up",
    actorId: user.id,
    targetType: "user",
    targetId: user.id,
    ipAddress: job.ipAddress,
    userAgent: job.userAgent,
    metadata: { method: "password" },
  });
  const id = await enqueueEmail(tx, {
    to: job.email,
    template: "verifyEmail",
    data: {
      name: job.name,
      url: accountLinks.verifyEmail(token),
      expiresInMinutes: tokenLifetimesMinutes.EMAIL_VERIFICATION,
    },
  });
  return [id];
}
