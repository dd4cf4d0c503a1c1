import { brand } from "@/brand.config";
import { formatMinutes, greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type PasswordResetEmailData = {
  name?: string | null;
  url: string;
  expiresInMinutes: number;
};

export function passwordResetEmail(data: PasswordResetEmailData): RenderedEmail {
  const expiry = formatMinutes(data.expiresInMinutes);
  return renderEmail(`Reset your ${brand.name} password`, {
    preview: `Choose a new password for ${brand.name}. The link expires in ${expiry}.`,
    heading: "Reset your password",
    paragraphs: [
      greeting(data.name),
      `We received a request to reset the password for your ${brand.name} account. Choose a new one with the link below.`,
    ],
    action: { label: "Choose a new password", url: data.url },
    notes: [
      `The link works once and expires in ${expiry}. A newer request replaces it: only the link in the latest email works.`,
      "Do not forward this email: anyone with the link can change your password.",
      "If you did not ask for this, ignore this email. Your password stays as it is.",
    ],
  });
}
