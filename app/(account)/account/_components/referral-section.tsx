import { Section } from "@/components/ui/section";
import { formatAmount } from "@/lib/billing/plans/plans";
import { CopyLink } from "./copy-link";

/** The user's referral link and what it earns (README, "Referrals"). */
export function ReferralSection({ url, creditCents }: { url: string; creditCents: number }) {
  const credit = creditCents > 0 ? formatAmount(creditCents) : null;
  return (
    <Section
      id="referrals"
      title="Refer a team"
      description={
        credit
          ? `Share your link. When an organization that signed up through it makes its first payment, we credit ${credit} to the balance of the first organization you own.`
          : "Share your link: organizations that sign up through it are recorded as referred by you."
      }
    >
      <CopyLink id="referral-link" label="Your referral link" value={url} />
    </Section>
  );
}
