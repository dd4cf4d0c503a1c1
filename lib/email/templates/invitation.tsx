import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { roleWords } from "./format";

export type InvitationEmailData = {
  organizationName: string;
  inviterName: string;
  role: "OWNER" | "ADMIN" | "MEMBER";
  url: string;
  expiresInDays: number;
};

export function invitationSubject(data: InvitationEmailData): string {
  return `${data.inviterName} invited you to ${data.organizationName} on ${brand.name}`;
}

export function InvitationEmail(data: InvitationEmailData) {
  const role = roleWords[data.role];
  return (
    <EmailLayout
      preview={`Join ${data.organizationName} as ${role}. The invitation is valid for ${data.expiresInDays} days.`}
      heading={`Join ${data.organizationName}`}
      action={{ label: `Join ${data.organizationName}`, url: data.url }}
      notes={[
        `The invitation is valid for ${data.expiresInDays} days and works once.`,
        "If you did not expect it, ignore this email: nothing happens unless you accept.",
      ]}
    >
      <EmailParagraph>
        {`${data.inviterName} invited you to join ${data.organizationName} on ${brand.name} as ${role}.`}
      </EmailParagraph>
      <EmailParagraph>
        {`Accept with the button below. If you do not have a ${brand.name} account yet, you can create one with this address on the way.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const invitationEmail = defineEmail(InvitationEmail, invitationSubject);
