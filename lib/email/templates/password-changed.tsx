import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatTimestamp, greeting } from "./format";

export type PasswordChangedEmailData = {
  name?: string | null;
  changedAt: string;
  ipAddress?: string | null;
  resetUrl: string;
};

export function passwordChangedSubject(): string {
  return `Your ${brand.name} password was changed`;
}

export function PasswordChangedEmail(data: PasswordChangedEmailData) {
  const when = formatTimestamp(data.changedAt);
  const ip = data.ipAddress?.trim();
  const from = ip ? ` from the IP address ${ip}` : "";
  return (
    <EmailLayout
      preview={`The password for your ${brand.name} account was just changed.`}
      heading="Your password was changed"
      action={{ label: "Reset your password", url: data.resetUrl }}
      notes={["If this was you, there is nothing else to do."]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`The password for your ${brand.name} account was changed on ${when}${from}.`}
      </EmailParagraph>
      <EmailParagraph>
        For your safety, every other device was signed out. Sign in there again with the new
        password.
      </EmailParagraph>
      <EmailParagraph>Not you? Reset your password now:</EmailParagraph>
    </EmailLayout>
  );
}

export const passwordChangedEmail = defineEmail(PasswordChangedEmail, passwordChangedSubject);
