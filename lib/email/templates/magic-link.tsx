import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes } from "./format";

export type MagicLinkEmailData = {
  url: string;
  expiresInMinutes: number;
};

export function magicLinkSubject(): string {
  return `Your ${brand.name} sign-in link`;
}

// No name: the address may not have an account yet.
export function MagicLinkEmail(data: MagicLinkEmailData) {
  const expiry = formatMinutes(data.expiresInMinutes);
  return (
    <EmailLayout
      preview={`Sign in to ${brand.name} with one click. The link expires in ${expiry}.`}
      heading={`Sign in to ${brand.name}`}
      action={{ label: `Sign in to ${brand.name}`, url: data.url }}
      notes={[
        `The link works once and expires in ${expiry}. If you asked for more than one, only the newest works.`,
        "Do not forward this email: anyone with the link can sign in as you.",
        "If you did not ask for this link, ignore this email. Nobody can sign in without it.",
      ]}
    >
      <EmailParagraph>Use the button below to sign in. No password needed.</EmailParagraph>
    </EmailLayout>
  );
}

export const magicLinkEmail = defineEmail(MagicLinkEmail, magicLinkSubject);
