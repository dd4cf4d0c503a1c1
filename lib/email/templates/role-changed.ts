import { brand } from "@/brand.config";
import { roleWords, type RoleName } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type RoleChangedEmailData = {
  organizationName: string;
  changedBy: string;
  from: RoleName;
  to: RoleName;
  organizationUrl: string;
};

export function roleChangedEmail(data: RoleChangedEmailData): RenderedEmail {
  const from = roleWords[data.from];
  const to = roleWords[data.to];
  return renderEmail(`Your role in ${data.organizationName} changed`, {
    preview: `You are now ${to} of ${data.organizationName} on ${brand.name}.`,
    heading: `You are now ${to} of ${data.organizationName}`,
    paragraphs: [
      `${data.changedBy} changed your role in ${data.organizationName} from ${from} to ${to}.`,
    ],
    action: { label: `Open ${data.organizationName}`, url: data.organizationUrl },
    notes: [`If this looks wrong, ask an owner of ${data.organizationName} about it.`],
  });
}
