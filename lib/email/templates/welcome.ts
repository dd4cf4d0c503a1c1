import { env } from "@/lib/env";
import { renderEmail, type RenderedEmail } from "./layout";

export type WelcomeEmailData = {
  name?: string | null;
};

export function welcomeEmail(data: WelcomeEmailData): RenderedEmail {
  const name = data.name?.trim();
  return renderEmail("Welcome to Keel", {
    preview: "Your account is ready. Here is where to start.",
    heading: name ? `Welcome to Keel, ${name}` : "Welcome to Keel",
    paragraphs: [
      "Your account is ready. Create an organization, invite your team and start your first project.",
    ],
    action: { label: "Open Keel", url: `${env.appUrl}/` },
    notes: ["Questions? Reply to this email and a person will answer."],
  });
}
