import { brand } from "@/brand.config";
import { renderEmail, type RenderedEmail } from "./layout";

export type ReferralCreditedEmailData = {
  /** The organization that signed up through the link and paid. */
  referredOrganizationName: string;
  /** The referrer's organization whose balance got the credit. */
  creditedOrganizationName: string;
  /** Already formatted, e.g. "$20.00". */
  amount: string;
  billingUrl: string;
};

export function referralCreditedEmail(data: ReferralCreditedEmailData): RenderedEmail {
  const joined = `${data.referredOrganizationName} joined through your link`;
  return renderEmail(`${joined}; we credited ${data.amount}`, {
    preview: `${data.amount} is on ${data.creditedOrganizationName}'s balance.`,
    heading: joined,
    paragraphs: [
      `${data.referredOrganizationName} signed up for ${brand.name} through your referral link and just made its first payment.`,
      `We credited ${data.amount} to ${data.creditedOrganizationName}'s balance; it comes off its next invoices.`,
    ],
    action: { label: "View billing", url: data.billingUrl },
    notes: [`You receive this email as an owner of ${data.creditedOrganizationName}.`],
  });
}
