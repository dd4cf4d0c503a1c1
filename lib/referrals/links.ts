import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateReferralCode } from "./code";

/** The public link that carries a referral: short, and naming only the code. */
export function referralUrl(code: string): string {
  return new URL(`/r/${code}`, env.appUrl).toString();
}

/**
 * The user's referral code, made the first time it is asked for. Only filled while empty, so
 * two first views agree; a (vanishingly rare) collision with another user's code draws again.
 */
export async function referralCodeFor(userId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await db.user.findUnique({
      where: { id: userId },
      select: { referralCode: true },
    });
    if (!existing) throw new Error("referralCodeFor: no such user");
    if (existing.referralCode) return existing.referralCode;
    try {
      await db.user.updateMany({
        where: { id: userId, referralCode: null },
        data: { referralCode: generateReferralCode() },
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
        throw error;
      }
    }
  }
  throw new Error("referralCodeFor: could not draw a unique code");
}
