import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** The public link that carries a referral: short, and naming only the code. */
export function referralUrl(code: string): string {
  return new URL(`/r/${code}`, env.appUrl).toString();
}

/** The user's referral code: every user has one from creation (the database draws it). */
export async function referralCodeFor(userId: string): Promise<string> {
  const { referralCode } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { referralCode: true },
  });
  return referralCode;
}
