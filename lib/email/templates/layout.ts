import { createElement } from "react";
import { renderEmailDocument, type RenderedEmail } from "@/lib/email/render/document";
import { EmailLayout, EmailParagraph } from "./email-layout";

export type { RenderedEmail } from "@/lib/email/render/document";
export { escapeHtml } from "@/lib/email/render/escape";

// Plain text only: every field is escaped, so user data cannot inject markup.
export type EmailContent = {
  preview: string;
  heading: string;
  paragraphs: readonly string[];
  /** The only place a token link goes: never the subject, preview or notes. */
  action?: { label: string; url: string };
  notes?: readonly string[];
};

/**
 * An email from plain content, in the same `EmailLayout` the component templates use. New
 * templates are components (see welcome.tsx); this keeps a content-object template working.
 */
export function renderEmail(subject: string, content: EmailContent): RenderedEmail {
  const { paragraphs, ...layout } = content;
  const body = paragraphs.map((paragraph, index) =>
    createElement(EmailParagraph, { key: index }, paragraph),
  );
  return renderEmailDocument(subject, createElement(EmailLayout, layout, ...body));
}
