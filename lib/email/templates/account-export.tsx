import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { greeting } from "./format";

export type AccountExportEmailData = {
  name?: string | null;
  /** The signed download link. */
  url: string;
  expiresInHours: number;
};

export function accountExportSubject(): string {
  return `Your ${brand.name} data is ready`;
}

/** Sent when the data export someone asked for is ready. */
export function AccountExportEmail(data: AccountExportEmailData) {
  return (
    <EmailLayout
      preview={`The export of your ${brand.name} account's data is ready to download.`}
      heading="Your data is ready"
      action={{ label: "Download my data", url: data.url }}
      notes={[
        `The link works for ${data.expiresInHours} hours, and only for you when you are signed in.`,
        "If you did not ask for this, change your password: someone may be using your account.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`The export of everything ${brand.name} holds about you is ready. Download it while signed in to this account:`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const accountExportEmail = defineEmail(AccountExportEmail, accountExportSubject);
