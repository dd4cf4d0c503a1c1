import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";

export function referralUrl(code: string): string {
  return new URL(`/r/${code}`, env.appUrl).toString();
}

export async function referralCodeFor(userId: string): Promise<string> {
  const { referralCode } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { referralCode: true },
  });
  return referralCode;
}
