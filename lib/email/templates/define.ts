import type { ReactElement } from "react";
import { createElement } from "react";
import { renderEmailDocument, type RenderedEmail } from "@/lib/email/render/document";

export type EmailComponent<Data> = (data: Data) => ReactElement;

/** A template: called with its data, it renders `{ subject, html, text }`. */
export type EmailTemplate<Data> = ((data: Data) => RenderedEmail) & {
  Component: EmailComponent<Data>;
  subject: (data: Data) => string;
};

/**
 * Pairs a React email component with its subject line. Rendering is synchronous, so an email
 * is rendered when it is queued, inside the transaction that makes the change.
 */
export function defineEmail<Data extends object>(
  Component: EmailComponent<Data>,
  subject: (data: Data) => string,
): EmailTemplate<Data> {
  const render = (data: Data) => renderEmailDocument(subject(data), createElement(Component, data));
  return Object.assign(render, { Component, subject });
}
