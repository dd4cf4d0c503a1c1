import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes, greeting } from "./format";

export type PasswordResetEmailData = {
  name?: string | null;
  url: string;
  expiresInMinutes: number;
};

export function passwordResetSubject(): string {
  return `Reset your ${brand.name} password`;
}

export function PasswordResetEmail(data: PasswordResetEmailData) {
  const expiry = formatMinutes(data.expiresInMinutes);
  return (
    <EmailLayout
      preview={`Choose a new password for ${brand.name}. The link expires in ${expiry}.`}
      heading="Reset your password"
      action={{ label: "Choose a new password", url: data.url }}
      notes={[
        `The link works once and expires in ${expiry}. A newer request replaces it: only the link in the latest email works.`,
        "Do not forward this email: anyone with the link can change your password.",
        "If you did not ask for this, ignore this email. Your password stays as it is.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`We received a request to reset the password for your ${brand.name} account. Choose a new one with the link below.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const passwordResetEmail = defineEmail(PasswordResetEmail, passwordResetSubject);
