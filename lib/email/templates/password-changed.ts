import { brand } from "@/brand.config";
import { formatTimestamp, greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type PasswordChangedEmailData = {
  name?: string | null;
  changedAt: string;
  ipAddress?: string | null;
  resetUrl: string;
};

export function passwordChangedEmail(data: PasswordChangedEmailData): RenderedEmail {
  const when = formatTimestamp(data.changedAt);
  const ip = data.ipAddress?.trim();
  const from = ip ? ` from the IP address ${ip}` : "";
  return renderEmail(`Your ${brand.name} password was changed`, {
    preview: `The password for your ${brand.name} account was just changed.`,
    heading: "Your password was changed",
    paragraphs: [
      greeting(data.name),
      `The password for your ${brand.name} account was changed on ${when}${from}.`,
      "For your safety, every other device was signed out. Sign in there again with the new password.",
      "Not you? Reset your password now:",
    ],
    action: { label: "Reset your password", url: data.resetUrl },
    notes: ["If this was you, there is nothing else to do."],
  });
}
