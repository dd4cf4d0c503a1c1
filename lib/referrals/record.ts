import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { parseReferralCode } from "./code";
import { readReferralCookie } from "./cookie";
import { REFERRAL_CHAIN_DEPTH, recordingRefusal } from "./rules";

type Reader = Pick<ScopedDb, "user">;

export async function referrerChain(tx: Reader, userId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = userId;
  while (current && chain.length < REFERRAL_CHAIN_DEPTH) {
    const row: { referredById: string | null } | null = await tx.user.findUnique({
      where: { id: current },
      select: { referredById: true },
    });
    current = row?.referredById ?? null;
    if (!current || current === userId || chain.includes(current)) break;
    chain.push(current);
  }
  return chain;
}

export async function referrerByCode(tx: Reader, code: unknown): Promise<string | null> {
  const parsed = parseReferralCode(code);
  if (!parsed) return null;
  const user = await tx.user.findUnique({
    where: { referralCode: parsed },
    select: { id: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user.id : null;
}

/** A new user cannot be anyone's referrer yet, so neither `self` nor `loop` is possible here. */
export async function referralForNewUser(
  tx: Reader,
  code: string | null | undefined,
): Promise<{ referredById?: string }> {
  const referrerId = code ? await referrerByCode(tx, code) : null;
  return referrerId ? { referredById: referrerId } : {};
}

export async function referralFromCookieForNewUser(tx: Reader): Promise<{ referredById?: string }> {
  return referralForNewUser(tx, await readReferralCookie());
}

/** The creator's sign-up referrer, else the cookie (an existing user starting another org). */
export async function referrerForNewOrganization(
  tx: Reader,
  creatorId: string,
): Promise<string | null> {
  const creator = await tx.user.findUnique({
    where: { id: creatorId },
    select: { referredById: true },
  });
  const referrerId =
    creator?.referredById ?? (await referrerByCode(tx, await readReferralCookie()));
  if (!referrerId) return null;
  const refusal = recordingRefusal({
    referredUserId: creatorId,
    referrerId,
    referrerChain: await referrerChain(tx, referrerId),
  });
  if (refusal) {
    logger.info({ referrerId, creatorId, refusal }, "[referrals] organization referral refused");
    return null;
  }
  return referrerId;
}
