import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { greeting } from "./format";

export type AccountDeletedEmailData = {
  name?: string | null;
  /** Organizations this account was the only member of, deleted with it. */
  organizationNames: readonly string[];
};

function deletedOrganizations(names: readonly string[]): string {
  if (names.length === 0) return "No organization was deleted with it.";
  const list = names.join(", ");
  return names.length === 1
    ? `The organization ${list}, of which you were the only member, was deleted with it.`
    : `These organizations, of which you were the only member, were deleted with it: ${list}.`;
}

export function accountDeletedSubject(): string {
  return `Your ${brand.name} account was deleted`;
}

// No link: there is no account left to sign in to.
export function AccountDeletedEmail(data: AccountDeletedEmailData) {
  return (
    <EmailLayout
      preview="Your account and its data are gone. This cannot be undone."
      heading="Your account was deleted"
      notes={[
        `If you did not delete your account, contact us right away at ${brand.supportEmail}.`,
      ]}
    >
      <EmailParagraph>{greeting(data.name)}</EmailParagraph>
      <EmailParagraph>
        {`Your ${brand.name} account and the data that belonged to it have been deleted.`}
      </EmailParagraph>
      <EmailParagraph>{deletedOrganizations(data.organizationNames)}</EmailParagraph>
      <EmailParagraph>
        This cannot be undone. You are welcome to sign up again with this address at any time.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const accountDeletedEmail = defineEmail(AccountDeletedEmail, accountDeletedSubject);
