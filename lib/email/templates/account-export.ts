import { brand } from "@/brand.config";
import { greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type AccountExportEmailData = {
  name?: string | null;
  /** The signed download link. */
  url: string;
  expiresInHours: number;
};

/** Sent when the data export someone asked for is ready. */
export function accountExportEmail(data: AccountExportEmailData): RenderedEmail {
  return renderEmail(`Your ${brand.name} data is ready`, {
    preview: `The export of your ${brand.name} account's data is ready to download.`,
    heading: "Your data is ready",
    paragraphs: [
      greeting(data.name),
      `The export of everything ${brand.name} holds about you is ready. Download it while signed in to this account:`,
    ],
    action: { label: "Download my data", url: data.url },
    notes: [
      `The link works for ${data.expiresInHours} hours, and only for you when you are signed in.`,
      "If you did not ask for this, change your password: someone may be using your account.",
    ],
  });
}
