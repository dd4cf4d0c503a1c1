import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { parseReferralCode } from "./code";
import { readReferralCookie } from "./cookie";
import { REFERRAL_CHAIN_DEPTH, recordingRefusal } from "./rules";

type Reader = Pick<ScopedDb, "user">;

/** The users who referred `userId`, nearest first, up to REFERRAL_CHAIN_DEPTH (cycles cut). */
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

/** The active user whose link carries `code`, if any. Disabled users earn nothing. */
export async function referrerByCode(tx: Reader, code: unknown): Promise<string | null> {
  const parsed = parseReferralCode(code);
  if (!parsed) return null;
  const user = await tx.user.findUnique({
    where: { referralCode: parsed },
    select: { id: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user.id : null;
}

/**
 * For `tx.user.create({ data: { ...referral } })`: who referred a user being created now. A
 * new user cannot be anyone's referrer yet, so no loop is possible here; `self` cannot be either.
 */
export async function referralForNewUser(
  tx: Reader,
  code: string | null | undefined,
): Promise<{ referredById?: string }> {
  const referrerId = code ? await referrerByCode(tx, code) : null;
  return referrerId ? { referredById: referrerId } : {};
}

/** The same, reading the code from the request's referral cookie (magic link, OAuth). */
export async function referralFromCookieForNewUser(tx: Reader): Promise<{ referredById?: string }> {
  return referralForNewUser(tx, await readReferralCookie());
}

/**
 * Who referred an organization `creatorId` is creating now: the user who referred the creator
 * at sign-up, else the link the creator's browser followed since (an existing user starting
 * another organization). Refused referrals (self, loop) leave the organization unreferred.
 */
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
