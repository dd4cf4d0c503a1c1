// Refusals are final. `self` covers a shared Stripe customer; `loop`: A refers B, so B's link
// cannot earn anything from A.
export type ReferralRefusal = "self" | "loop" | "no-organization";

// Longer chains are cut here and are not treated as loops.
export const REFERRAL_CHAIN_DEPTH = 25;

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
  credited: {
    organizationId: string;
    customerId: string | null;
    referredByUserId: string | null;
  } | null;
};

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
