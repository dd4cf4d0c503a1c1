import "server-only";

import { z } from "zod";
import { grantReferralCredit } from "@/lib/billing/referrals/credit";
import { defineJob } from "../define";

// Not transactional (it calls Stripe); every step is safe to repeat (lib/billing/referrals/credit.ts).
export const referralCreditJob = defineJob({
  kind: "referral-credit",
  payload: z.object({ referralCreditId: z.string().min(1) }),
  maxAttempts: 8,
  concurrency: 2,
  handler: async ({ referralCreditId }) => grantReferralCredit(referralCreditId),
});
