import { brand } from "@/brand.config";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";
import { roleWords, type RoleName } from "./format";

export type RoleChangedEmailData = {
  organizationName: string;
  changedBy: string;
  from: RoleName;
  to: RoleName;
  organizationUrl: string;
};

export function roleChangedSubject(data: RoleChangedEmailData): string {
  return `Your role in ${data.organizationName} changed`;
}

export function RoleChangedEmail(data: RoleChangedEmailData) {
  const from = roleWords[data.from];
  const to = roleWords[data.to];
  return (
    <EmailLayout
      preview={`You are now ${to} of ${data.organizationName} on ${brand.name}.`}
      heading={`You are now ${to} of ${data.organizationName}`}
      action={{ label: `Open ${data.organizationName}`, url: data.organizationUrl }}
      notes={[`If this looks wrong, ask an owner of ${data.organizationName} about it.`]}
    >
      <EmailParagraph>
        {`${data.changedBy} changed your role in ${data.organizationName} from ${from} to ${to}.`}
      </EmailParagraph>
    </EmailLayout>
  );
}

export const roleChangedEmail = defineEmail(RoleChangedEmail, roleChangedSubject);
