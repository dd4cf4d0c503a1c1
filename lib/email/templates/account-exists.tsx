import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { greeting } from "./format";

export type AccountExistsEmailData = {
  name?: string | null;
  signInUrl: string;
  resetUrl: string;
};

export function accountExistsSubject(): string {
  return `You already have a ${brand.name} account`;
}

// The sign-up page answers alike for every address; only the mailbox's owner learns of the account.
export function AccountExistsEmail(data: AccountExistsEmailData) {
  return (
    <EmailLayout
      preview={`Someone tried to create a ${brand.name} account with this address. Sign in instead.`}
      heading="You already have an account"
      action={{ label: `Sign in to ${brand.name}`, url: data.signInUrl }}
      notes={[
        `Forgot your password? Choose a new one: ${data.resetUrl}`,
        "If this was not you, ignore this email. Your account is unchanged.",
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`Someone, probably you, tried to create a ${brand.name} account with this email address. It already has one, so nothing was changed.`}
      </EmailParagraph>
      <EmailParagraph>
        Sign in with your password, or choose a new one if you forgot it.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const accountExistsEmail = defineEmail(AccountExistsEmail, accountExistsSubject);
