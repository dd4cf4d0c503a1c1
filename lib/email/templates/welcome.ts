import { brand } from "@/brand.config";
import { env } from "@/lib/env";
import { renderEmail, type RenderedEmail } from "./layout";

export type WelcomeEmailData = {
  name?: string | null;
};

export function welcomeEmail(data: WelcomeEmailData): RenderedEmail {
  const name = data.name?.trim();
  return renderEmail(`Welcome to ${brand.name}`, {
    preview: "Your account is ready. Here is where to start.",
    heading: name ? `Welcome to ${brand.name}, ${name}` : `Welcome to ${brand.name}`,
    paragraphs: [
      "Your account is ready. Create an organization, invite your team and start your first project.",
    ],
    action: { label: `Open ${brand.name}`, url: `${env.appUrl}/` },
    notes: ["Questions? Reply to this email and a person will answer."],
  });
}
