import { brand } from "@/brand.config";
import { formatMinutes, greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type AccountLockedEmailData = {
  name?: string | null;
  retryAfterMinutes: number;
  resetUrl: string;
};

export function accountLockedEmail(data: AccountLockedEmailData): RenderedEmail {
  const pause = formatMinutes(data.retryAfterMinutes);
  return renderEmail(`Sign-in to your ${brand.name} account is paused`, {
    preview: `Too many failed sign-in attempts. Sign-in is paused for about ${pause}.`,
    heading: "Sign-in paused",
    paragraphs: [
      greeting(data.name),
      `There were too many failed attempts to sign in to your ${brand.name} account, so sign-in is paused for about ${pause}.`,
      "If it was you, there is nothing to do: try again after the pause. Or reset your password now, which works right away and lifts the pause.",
    ],
    action: { label: "Reset your password", url: data.resetUrl },
    notes: [
      "If it was not you, someone may be guessing your password. The pause slows them down; a new, unique password keeps them out.",
    ],
  });
}
