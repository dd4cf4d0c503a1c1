import { brand } from "@/brand.config";
import { greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type TwoFactorChangedEmailData = {
  name?: string | null;
  enabled: boolean;
  resetUrl: string;
};

export function twoFactorChangedEmail(data: TwoFactorChangedEmailData): RenderedEmail {
  const change = data.enabled
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
  return renderEmail(change.subject, {
    preview: change.detail,
    heading: change.heading,
    paragraphs: [greeting(data.name), change.detail, change.notYou],
    action: { label: "Reset your password", url: data.resetUrl },
    notes: ["If this was you, there is nothing else to do."],
  });
}
