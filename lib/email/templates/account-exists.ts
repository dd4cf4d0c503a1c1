import { brand } from "@/brand.config";
import { greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type AccountExistsEmailData = {
  name?: string | null;
  signInUrl: string;
  resetUrl: string;
};

// The sign-up page answers alike for every address; only the mailbox's owner learns of the account.
export function accountExistsEmail(data: AccountExistsEmailData): RenderedEmail {
  return renderEmail(`You already have a ${brand.name} account`, {
    preview: `Someone tried to create a ${brand.name} account with this address. Sign in instead.`,
    heading: "You already have an account",
    paragraphs: [
      greeting(data.name),
      `Someone, probably you, tried to create a ${brand.name} account with this email address. It already has one, so nothing was changed.`,
      "Sign in with your password, or choose a new one if you forgot it.",
    ],
    action: { label: `Sign in to ${brand.name}`, url: data.signInUrl },
    notes: [
      `Forgot your password? Choose a new one: ${data.resetUrl}`,
      "If this was not you, ignore this email. Your account is unchanged.",
    ],
  });
}
