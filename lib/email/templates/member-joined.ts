import { brand } from "@/brand.config";
import { roleWords, type RoleName } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type MemberJoinedEmailData = {
  organizationName: string;
  memberName: string;
  memberEmail: string;
  role: RoleName;
  membersUrl: string;
};

export function memberJoinedEmail(data: MemberJoinedEmailData): RenderedEmail {
  const role = roleWords[data.role];
  const who =
    data.memberName === data.memberEmail
      ? data.memberEmail
      : `${data.memberName} (${data.memberEmail})`;
  return renderEmail(`${data.memberName} joined ${data.organizationName} on ${brand.name}`, {
    preview: `${data.memberName} accepted an invitation and joined as ${role}.`,
    heading: `${data.memberName} joined ${data.organizationName}`,
    paragraphs: [
      `${who} accepted an invitation and joined ${data.organizationName} as ${role}.`,
      "You can change their role or remove them on the members page.",
    ],
    action: { label: "View members", url: data.membersUrl },
    notes: [`You receive this email as an owner of ${data.organizationName}.`],
  });
}
