import { brand } from "@/brand.config";
import { formatMinutes, greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type VerificationEmailData = {
  name?: string | null;
  url: string;
  expiresInMinutes: number;
};

export function verificationEmail(data: VerificationEmailData): RenderedEmail {
  const expiry = formatMinutes(data.expiresInMinutes);
  return renderEmail("Confirm your email address", {
    preview: `Confirm your email address to finish setting up ${brand.name}. The link expires in ${expiry}.`,
    heading: "Confirm your email address",
    paragraphs: [
      greeting(data.name),
      `Please confirm this is your email address to finish setting up your ${brand.name} account.`,
    ],
    action: { label: "Confirm email address", url: data.url },
    notes: [
      `The link works once and expires in ${expiry}. If you asked for more than one, only the newest works.`,
      `If you did not sign up for ${brand.name}, ignore this email.`,
    ],
  });
}
