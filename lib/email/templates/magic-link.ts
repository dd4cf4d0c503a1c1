import { brand } from "@/brand.config";
import { formatMinutes } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type MagicLinkEmailData = {
  url: string;
  expiresInMinutes: number;
};

// No name: the address may not have an account yet.
export function magicLinkEmail(data: MagicLinkEmailData): RenderedEmail {
  const expiry = formatMinutes(data.expiresInMinutes);
  return renderEmail(`Your ${brand.name} sign-in link`, {
    preview: `Sign in to ${brand.name} with one click. The link expires in ${expiry}.`,
    heading: `Sign in to ${brand.name}`,
    paragraphs: ["Use the button below to sign in. No password needed."],
    action: { label: `Sign in to ${brand.name}`, url: data.url },
    notes: [
      `The link works once and expires in ${expiry}. If you asked for more than one, only the newest works.`,
      "Do not forward this email: anyone with the link can sign in as you.",
      "If you did not ask for this link, ignore this email. Nobody can sign in without it.",
    ],
  });
}
