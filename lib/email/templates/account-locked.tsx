import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { formatMinutes, greeting } from "./format";

export type AccountLockedEmailData = {
  name?: string | null;
  retryAfterMinutes: number;
  resetUrl: string;
};

export function accountLockedSubject(): string {
  return `Sign-in to your ${brand.name} account is paused`;
}

export function AccountLockedEmail(data: AccountLockedEmailData) {
  const pause = formatMinutes(data.retryAfterMinutes);
  return (
    <EmailLayout
      preview={`Too many failed sign-in attempts. Sign-in is paused for about ${pause}.`}
      heading="Sign-in paused"
      action={{ label: "Reset your password", url: data.resetUrl }}
      notes={[
        "If it was not you, someone may be guessing your password. The pause slows them down; a new, unique password keeps them out.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`There were too many failed attempts to sign in to your ${brand.name} account, so sign-in is paused for about ${pause}.`}
      </EmailParagraph>
      <EmailParagraph>
        If it was you, there is nothing to do: try again after the pause. Or reset your password
        now, which works right away and lifts the pause.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const accountLockedEmail = defineEmail(AccountLockedEmail, accountLockedSubject);
