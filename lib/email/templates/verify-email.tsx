import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes, greeting } from "./format";

export type VerificationEmailData = {
  name?: string | null;
  url: string;
  expiresInMinutes: number;
};

export function verificationSubject(): string {
  return "Confirm your email address";
}

export function VerificationEmail(data: VerificationEmailData) {
  const expiry = formatMinutes(data.expiresInMinutes);
  return (
    <EmailLayout
      preview={`Confirm your email address to finish setting up ${brand.name}. The link expires in ${expiry}.`}
      heading="Confirm your email address"
      action={{ label: "Confirm email address", url: data.url }}
      notes={[
        `The link works once and expires in ${expiry}. If you asked for more than one, only the newest works.`,
        `If you did not sign up for ${brand.name}, ignore this email.`,
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`Please confirm this is your email address to finish setting up your ${brand.name} account.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const verificationEmail = defineEmail(VerificationEmail, verificationSubject);
