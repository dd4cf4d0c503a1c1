import type { ReactNode } from "react";
import { expandNode } from "./element-tree";
import { renderHtml } from "./html";
import { renderText } from "./text";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Subject, HTML and text of one email, all from the same React tree. */
export function renderEmailDocument(subject: string, email: ReactNode): RenderedEmail {
  const tree = expandNode(email);
  return {
    // No line breaks: the subject becomes a mail header, and user data must not start another.
    subject: subject.replace(/[\r\n]+/g, " ").trim(),
    html: `<!DOCTYPE html>\n${renderHtml(tree)}`,
    text: renderText(tree),
  };
}
