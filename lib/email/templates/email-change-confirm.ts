import { brand } from "@/brand.config";
import { formatMinutes, greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type EmailChangeConfirmationEmailData = {
  name?: string | null;
  newEmail: string;
  url: string;
  expiresInMinutes: number;
};

export function emailChangeConfirmationEmail(
  data: EmailChangeConfirmationEmailData,
): RenderedEmail {
  const expiry = formatMinutes(data.expiresInMinutes);
  return renderEmail("Confirm your new email address", {
    preview: `Confirm your new email address for ${brand.name}. The link expires in ${expiry}.`,
    heading: "Confirm your new email address",
    paragraphs: [
      greeting(data.name),
      `You asked to change the email address of your ${brand.name} account to ${data.newEmail}.`,
      "Nothing changes until you confirm: until then you keep signing in with your current address.",
    ],
    action: { label: "Confirm new address", url: data.url },
    notes: [
      `The link works once and expires in ${expiry}.`,
      "If you did not ask for this, ignore this email. The address on the account stays as it is.",
    ],
  });
}
