import "server-only";

import { createHash, randomBytes } from "node:crypto";
import type { AuthTokenPurpose, Prisma } from "@/lib/generated/prisma/client";

// Links stay short: they travel through email.
export const tokenLifetimesMinutes: Record<AuthTokenPurpose, number> = {
  EMAIL_VERIFICATION: 15,
  PASSWORD_RESET: 15,
  MAGIC_LINK: 15,
  EMAIL_CHANGE: 15,
  TWO_FACTOR_CHALLENGE: 10,
  SESSION_HANDOFF: 1,
  REAUTHENTICATION: 15,
};

export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

// A leaked database holds no usable link; a fast hash suffices for 256 random bits.
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssueTokenInput = {
  purpose: AuthTokenPurpose;
  email: string;
  userId?: string | null;
  newEmail?: string | null;
  now?: Date;
  // Sign-up binds its cookie to the token before the response.
  token?: string;
};

// Older unused tokens of the same purpose and address are revoked, so only the newest link works.
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

// Marked used in the same statement, so two concurrent uses cannot both succeed.
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
