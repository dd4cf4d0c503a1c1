import "server-only";

import { createHash, randomBytes } from "node:crypto";
import type { AuthTokenPurpose, Prisma } from "@/lib/generated/prisma/client";

/** How long each kind of token lives. Links stay short: they travel through email. */
export const tokenLifetimesMinutes: Record<AuthTokenPurpose, number> = {
  EMAIL_VERIFICATION: 15,
  PASSWORD_RESET: 15,
  MAGIC_LINK: 15,
  EMAIL_CHANGE: 15,
  TWO_FACTOR_CHALLENGE: 10,
  SESSION_HANDOFF: 1,
  REAUTHENTICATION: 15,
};

/** 256 random bits, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Tokens are stored as SHA-256 digests: a leaked database holds no usable link. A fast
 * hash is right here because the token itself carries 256 bits of entropy.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssueTokenInput = {
  purpose: AuthTokenPurpose;
  email: string;
  userId?: string | null;
  newEmail?: string | null;
  now?: Date;
  /** A raw value made earlier with generateToken (sign-up binds its cookie to it first). */
  token?: string;
};

/**
 * Creates a single-use token and returns its raw value (to put in a link or cookie).
 * Every older unused token for the same purpose and address is revoked in the same
 * transaction, so only the newest link works.
 */
export async function issueToken(
  tx: Prisma.TransactionClient,
  input: IssueTokenInput,
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const email = input.email.toLowerCase();
  await tx.authToken.updateMany({
    where: { purpose: input.purpose, email, usedAt: null },
    data: { usedAt: now },
  });
  const token = input.token ?? generateToken();
  const expiresAt = new Date(now.getTime() + tokenLifetimesMinutes[input.purpose] * 60_000);
  await tx.authToken.create({
    data: {
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email,
      userId: input.userId ?? null,
      newEmail: input.newEmail?.toLowerCase() ?? null,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

export type ConsumedToken = {
  id: string;
  email: string;
  userId: string | null;
  newEmail: string | null;
};

/**
 * Uses a token: returns it when it exists, has this purpose, is unused and unexpired,
 * and marks it used in the same statement, so two concurrent uses cannot both succeed.
 */
export async function consumeToken(
  tx: Prisma.TransactionClient,
  purpose: AuthTokenPurpose,
  token: string,
  now: Date = new Date(),
): Promise<ConsumedToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const rows = await tx.$queryRaw<ConsumedToken[]>`
    UPDATE "AuthToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashToken(token)}
      AND "purpose" = ${purpose}::"AuthTokenPurpose"
      AND "usedAt" IS NULL
      AND "expiresAt" > ${now}
    RETURNING "id", "email", "userId", "newEmail"`;
  return rows[0] ?? null;
}

/** Reads a token without using it (e.g. to show the reset form before the new password). */
export async function findUsableToken(
  tx: Prisma.TransactionClient,
  purpose: AuthTokenPurpose,
  token: string,
  now: Date = new Date(),
): Promise<ConsumedToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return tx.authToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, userId: true, newEmail: true },
  });
}
