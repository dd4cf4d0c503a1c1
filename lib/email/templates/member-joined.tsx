import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { roleWords, type RoleName } from "./format";

export type MemberJoinedEmailData = {
  organizationName: string;
  memberName: string;
  memberEmail: string;
  role: RoleName;
  membersUrl: string;
};

export function memberJoinedSubject(data: MemberJoinedEmailData): string {
  return `${data.memberName} joined ${data.organizationName} on ${brand.name}`;
}

export function MemberJoinedEmail(data: MemberJoinedEmailData) {
  const role = roleWords[data.role];
  const who =
    data.memberName === data.memberEmail
      ? data.memberEmail
      : `${data.memberName} (${data.memberEmail})`;
  return (
    <EmailLayout
      preview={`${data.memberName} accepted an invitation and joined as ${role}.`}
      heading={`${data.memberName} joined ${data.organizationName}`}
      action={{ label: "View members", url: data.membersUrl }}
      notes={[`You receive this email as an owner of ${data.organizationName}.`]}
    >
      <EmailParagraph>
        {`${who} accepted an invitation and joined ${data.organizationName} as ${role}.`}
      </EmailParagraph>
      <EmailParagraph>You can change their role or remove them on the members page.</EmailParagraph>
    </EmailLayout>
  );
}

export const memberJoinedEmail = defineEmail(MemberJoinedEmail, memberJoinedSubject);
