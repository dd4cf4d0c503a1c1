import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { greeting } from "./format";

export type TwoFactorChangedEmailData = {
  name?: string | null;
  enabled: boolean;
  resetUrl: string;
};

function wording(enabled: boolean) {
  return enabled
    ? {
        subject: `Two-factor authentication is on for your ${brand.name} account`,
        heading: "Two-factor authentication is on",
        detail: `Two-factor authentication was turned on for your ${brand.name} account. Signing in now asks for a code from your authenticator app too. Keep your recovery codes somewhere safe.`,
        notYou: "Not you? Reset your password now:",
      }
    : {
        subject: `Two-factor authentication was turned off for your ${brand.name} account`,
        heading: "Two-factor authentication is off",
        detail: `Two-factor authentication was turned off for your ${brand.name} account. Signing in no longer asks for a code.`,
        notYou:
          "Not you? Reset your password now, then turn two-factor authentication back on in your account settings:",
      };
}

export function twoFactorChangedSubject(data: TwoFactorChangedEmailData): string {
  return wording(data.enabled).subject;
}

export function TwoFactorChangedEmail(data: TwoFactorChangedEmailData) {
  const change = wording(data.enabled);
  return (
    <EmailLayout
      preview={change.detail}
      heading={change.heading}
      action={{ label: "Reset your password", url: data.resetUrl }}
      notes={["If this was you, there is nothing else to do."]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>{change.detail}</EmailParagraph>
      <EmailParagraph>{change.notYou}</EmailParagraph>
    </EmailLayout>
  );
}

export const twoFactorChangedEmail = defineEmail(TwoFactorChangedEmail, twoFactorChangedSubject);
