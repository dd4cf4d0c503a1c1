import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes, greeting } from "./format";

export type ReauthenticationEmailData = {
  name: string | null;
  url: string;
  expiresInMinutes: number;
};

export function reauthenticationSubject(): string {
  return `Confirm it's you on ${brand.name}`;
}

export function ReauthenticationEmail(data: ReauthenticationEmailData) {
  const expiry = formatMinutes(data.expiresInMinutes);
  return (
    <EmailLayout
      preview={`Confirm it's you to continue a sensitive change. The link expires in ${expiry}.`}
      heading="Confirm it's you"
      action={{ label: "Confirm it's me", url: data.url }}
      notes={[
        `The link works once, in the browser where you are signed in, and expires in ${expiry}.`,
        "If you did not ask for this, do not follow the link, and sign out of your other sessions from your account page.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`Someone signed in to your ${brand.name} account asked to make a sensitive change (such as your email address, two-factor authentication or deleting data). Use the button below to confirm it was you.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const reauthenticationEmail = defineEmail(ReauthenticationEmail, reauthenticationSubject);
