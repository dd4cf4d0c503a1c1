import { brand } from "@/brand.config";
import { env } from "@/lib/env";
import { defineEmail } from "./define";
import { EmailLayout, EmailParagraph } from "./email-layout";

export type WelcomeEmailData = {
  name?: string | null;
};

export function welcomeSubject(): string {
  return `Welcome to ${brand.name}`;
}

export function WelcomeEmail({ name }: WelcomeEmailData) {
  const trimmed = name?.trim();
  return (
    <EmailLayout
      preview="Your account is ready. Here is where to start."
      heading={trimmed ? `Welcome to ${brand.name}, ${trimmed}` : `Welcome to ${brand.name}`}
      action={{ label: `Open ${brand.name}`, url: `${env.appUrl}/` }}
      notes={["Questions? Reply to this email and a person will answer."]}
    >
      <EmailParagraph>
        Your account is ready. Create an organization, invite your team and start your first
        project.
      </EmailParagraph>
    </EmailLayout>
  );
}

export const welcomeEmail = defineEmail(WelcomeEmail, welcomeSubject);
