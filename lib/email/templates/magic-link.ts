import { formatMinutes } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type MagicLinkEmailData = {
  /** The sign-in link; the only place the token may appear. */
  url: string;
  expiresInMinutes: number;
};

/** A one-time sign-in link. There is no name: the address may not have an account yet. */
export function magicLinkEmail(data: MagicLinkEmailData): RenderedEmail {
  const expiry = formatMinutes(data.expiresInMinutes);
  return renderEmail("Your Keel sign-in link", {
    preview: `Sign in to Keel with one click. The link expires in ${expiry}.`,
    heading: "Sign in to Keel",
    paragraphs: ["Use the button below to sign in. No password needed."],
    action: { label: "Sign in to Keel", url: data.url },
    notes: [
      `The link works once and expires in ${expiry}. If you asked for more than one, only the newest works.`,
      "Do not forward this email: anyone with the link can sign in as you.",
      "If you did not ask for this link, ignore this email. Nobody can sign in without it.",
    ],
  });
}
