import { brand } from "@/brand.config";
import { greeting } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

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

// No link: there is no account left to sign in to.
export function accountDeletedEmail(data: AccountDeletedEmailData): RenderedEmail {
  return renderEmail(`Your ${brand.name} account was deleted`, {
    preview: "Your account and its data are gone. This cannot be undone.",
    heading: "Your account was deleted",
    paragraphs: [
      greeting(data.name),
      `Your ${brand.name} account and the data that belonged to it have been deleted.`,
      deletedOrganizations(data.organizationNames),
      "This cannot be undone. You are welcome to sign up again with this address at any time.",
    ],
    notes: [`If you did not delete your account, contact us right away at ${brand.supportEmail}.`],
  });
}
