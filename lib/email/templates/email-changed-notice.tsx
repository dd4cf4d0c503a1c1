import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { greeting } from "./format";

export type EmailChangedNoticeEmailData = {
  name?: string | null;
  newEmail: string;
  resetUrl: string;
};

export function emailChangedNoticeSubject(): string {
  return `Your ${brand.name} email address was changed`;
}

// To the previous address: after a takeover, the one message the owner still receives.
export function EmailChangedNoticeEmail(data: EmailChangedNoticeEmailData) {
  return (
    <EmailLayout
      preview={`The email address for your ${brand.name} account was just changed.`}
      heading="Your email address was changed"
      action={{ label: "Reset your password", url: data.resetUrl }}
      notes={[
        "If this was you, there is nothing else to do.",
        "We send this notice to your previous address so that a change you did not make cannot go unnoticed.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`The email address for your ${brand.name} account was changed to ${data.newEmail}. Sign-in links and account emails go there from now on.`}
      </EmailParagraph>
      <EmailParagraph>
        Not you? Someone may have access to your account. Reset your password now and reply to this
        email so we can help you get it back.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const emailChangedNoticeEmail = defineEmail(
  EmailChangedNoticeEmail,
  emailChangedNoticeSubject,
);
