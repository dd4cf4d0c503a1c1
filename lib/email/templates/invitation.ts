import { brand } from "@/brand.config";
import { roleWords } from "./format";
import { renderEmail, type RenderedEmail } from "./layout";

export type InvitationEmailData = {
  organizationName: string;
  inviterName: string;
  role: "OWNER" | "ADMIN" | "MEMBER";
  url: string;
  expiresInDays: number;
};

export function invitationEmail(data: InvitationEmailData): RenderedEmail {
  const role = roleWords[data.role];
  return renderEmail(
    `${data.inviterName} invited you to ${data.organizationName} on ${brand.name}`,
    {
      preview: `Join ${data.organizationName} as ${role}. The invitation is valid for ${data.expiresInDays} days.`,
      heading: `Join ${data.organizationName}`,
      paragraphs: [
        `${data.inviterName} invited you to join ${data.organizationName} on ${brand.name} as ${role}.`,
        `Accept with the button below. If you do not have a ${brand.name} account yet, you can create one with this address on the way.`,
      ],
      action: { label: `Join ${data.organizationName}`, url: data.url },
      notes: [
        `The invitation is valid for ${data.expiresInDays} days and works once.`,
        "If you did not expect it, ignore this email: nothing happens unless you accept.",
      ],
    },
  );
}
