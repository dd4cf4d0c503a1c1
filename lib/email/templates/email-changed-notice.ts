import { brand } from "@/brand.config";
import { greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type EmailChangedNoticeEmailData = {
  name?: string | null;
  newEmail: string;
  resetUrl: string;
};

// To the previous address: after a takeover, the one message the owner still receives.
export function emailChangedNoticeEmail(data: EmailChangedNoticeEmailData): RenderedEmail {
  return renderEmail(`Your ${brand.name} email address was changed`, {
    preview: `The email address for your ${brand.name} account was just changed.`,
    heading: "Your email address was changed",
    paragraphs: [
      greeting(data.name),
      `The email address for your ${brand.name} account was changed to ${data.newEmail}. Sign-in links and account emails go there from now on.`,
      "Not you? Someone may have access to your account. Reset your password now and reply to this email so we can help you get it back.",
    ],
    action: { label: "Reset your password", url: data.resetUrl },
    notes: [
      "If this was you, there is nothing else to do.",
      "We send this notice to your previous address so that a change you did not make cannot go unnoticed.",
    ],
  });
}
