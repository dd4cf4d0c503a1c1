import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";

export type ReferralCreditedEmailData = {
  /** The organization that signed up through the link and paid. */
  referredOrganizationName: string;
  /** The referrer's organization whose balance got the credit. */
  creditedOrganizationName: string;
  /** Already formatted, e.g. "$20.00". */
  amount: string;
  billingUrl: string;
};

export function referralCreditedSubject(data: ReferralCreditedEmailData): string {
  return `${data.referredOrganizationName} joined through your link; we credited ${data.amount}`;
}

export function ReferralCreditedEmail(data: ReferralCreditedEmailData) {
  return (
    <EmailLayout
      preview={`${data.amount} is on ${data.creditedOrganizationName}'s balance.`}
      heading={`${data.referredOrganizationName} joined through your link`}
      action={{ label: "View billing", url: data.billingUrl }}
      notes={[`You receive this email as an owner of ${data.creditedOrganizationName}.`]}
    >
      <EmailParagraph>
        {`${data.referredOrganizationName} signed up for ${brand.name} through your referral link and just made its first payment.`}
      </EmailParagraph>
      <EmailParagraph>
        {`We credited ${data.amount} to ${data.creditedOrganizationName}'s balance; it comes off its next invoices.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const referralCreditedEmail = defineEmail(ReferralCreditedEmail, referralCreditedSubject);
