import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes, greeting } from "./format";

export type EmailChangeConfirmationEmailData = {
  name?: string | null;
  newEmail: string;
  url: string;
  expiresInMinutes: number;
};

export function emailChangeConfirmationSubject(): string {
  return "Confirm your new email address";
}

export function EmailChangeConfirmationEmail(data: EmailChangeConfirmationEmailData) {
  const expiry = formatMinutes(data.expiresInMinutes);
  return (
    <EmailLayout
      preview={`Confirm your new email address for ${brand.name}. The link expires in ${expiry}.`}
      heading="Confirm your new email address"
      action={{ label: "Confirm new address", url: data.url }}
      notes={[
        `The link works once and expires in ${expiry}.`,
        "If you did not ask for this, ignore this email. The address on the account stays as it is.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`You asked to change the email address of your ${brand.name} account to ${data.newEmail}.`}
      </EmailParagraph>
      <EmailParagraph>
        Nothing changes until you confirm: until then you keep signing in with your current address.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const emailChangeConfirmationEmail = defineEmail(
  EmailChangeConfirmationEmail,
  emailChangeConfirmationSubject,
);
