/**
 * Who may earn a referral credit from whom, as pure decisions over facts the data layer
 * gathered. Refused, for good:
 * - `self`: the referrer is the referred user, or a member of the referred organization, or the
 *   credited organization is the referred one or shares its Stripe customer;
 * - `loop`: following "referred by" upward from the referrer reaches the referred user (A refers
 *   B, then B's link cannot earn anything from A), or the credited organization was itself
 *   referred by someone in the referred organization;
 * - `no-organization`: the referrer owns no organization to credit when the payment arrives.
 */
export type ReferralRefusal = "self" | "loop" | "no-organization";

/** How far up a referral chain is followed; longer chains are cut there (and are not loops). */
export const REFERRAL_CHAIN_DEPTH = 25;

/**
 * When someone is about to be recorded as referred by `referrerId` (a new user at sign-up, or an
 * organization at creation by `referredUserId`). `referrerChain` is the referrer's own
 * "referred by" ancestors, nearest first.
 */
export function recordingRefusal(input: {
  referredUserId: string;
  referrerId: string;
  referrerChain: readonly string[];
}): ReferralRefusal | null {
  if (input.referrerId === input.referredUserId) return "self";
  if (input.referrerChain.includes(input.referredUserId)) return "loop";
  return null;
}

export type CreditFacts = {
  referrerId: string;
  referrerChain: readonly string[];
  referredOrganizationId: string;
  referredMemberIds: readonly string[];
  referredCustomerId: string | null;
  /** The organization that would be credited, or null when the referrer owns none. */
  credited: {
    organizationId: string;
    customerId: string | null;
    referredByUserId: string | null;
  } | null;
};

/** When the referred organization first pays: whether the credit is refused, and why. */
export function creditRefusal(facts: CreditFacts): ReferralRefusal | null {
  const members = new Set(facts.referredMemberIds);
  if (members.has(facts.referrerId)) return "self";
  if (facts.referrerChain.some((id) => members.has(id))) return "loop";
  const credited = facts.credited;
  if (!credited) return "no-organization";
  if (credited.organizationId === facts.referredOrganizationId) return "self";
  if (credited.customerId && credited.customerId === facts.referredCustomerId) return "self";
  if (credited.referredByUserId && members.has(credited.referredByUserId)) return "loop";
  return null;
}
