import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { hashPassword } from "../password";
import { generateToken, issueToken, tokenLifetimesMinutes } from "../tokens";
import type { RequestContext } from "./context";
import { accountLinks } from "./links";

export type SignUpInput = { name: string; email: string; password: string };

/** The `kind` of outbox rows that are sign-ups waiting to be carried out. */
export const SIGN_UP_KIND = "sign-up";

/** What a queued sign-up carries: never the password, only its hash. */
export const signUpJobSchema = z.object({
  name: z.string(),
  email: z.string(),
  passwordHash: z.string(),
  /** The link's token, made before the response so the browser can be bound to it. */
  verificationToken: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});
type SignUpJob = z.infer<typeof signUpJobSchema>;

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
 * Queues a sign-up in the outbox and returns the row id; called BEFORE the response.
 *
 * The answer (202) must be the same whether the address is registered or not, so the
 * work that differs runs after the response. Queued durably first, it cannot be lost
 * to a failure after the answer: the outbox retries it (the cron route) until it runs.
 * Both cases cost the same here (a hash and one insert), so timing reveals nothing.
 * The row holds the password's argon2 hash, as the user row will, and is emptied when
 * the sign-up has run.
 */
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
  };
  return enqueueJob(db, SIGN_UP_KIND, payload);
}

export class InvalidSignUpJobError extends Error {
  constructor() {
    super("The queued sign-up is not valid");
    this.name = "InvalidSignUpJobError";
  }
}

/**
 * Carries out a queued sign-up inside the outbox's transaction: creates the account and
 * queues its verification email, or, when the address already has an account, emails
 * its owner instead (sign in or reset). Returns the outbox ids of the emails.
 */
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
