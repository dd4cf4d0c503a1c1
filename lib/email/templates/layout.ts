import { env } from "@/lib/env";

/** What every template returns, and what the outbox stores and sends. */
export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * The content of an email. Every field is plain text: the layout escapes it, so
 * user data (names, organization names) can never inject markup into a message.
 */
export type EmailContent = {
  /** Shown by mail clients next to the subject in the inbox list. */
  preview: string;
  heading: string;
  paragraphs: readonly string[];
  /** The main link, rendered as a button (and spelled out in the text version). */
  action?: { label: string; url: string };
  /** Smaller print under the button, e.g. "If you did not ask for this, ignore it." */
  notes?: readonly string[];
};

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * Links in emails must be absolute http(s) URLs. Anything else (`javascript:`,
 * `data:`, relative paths) is refused here, so a template fed a bad value fails
 * when it is enqueued instead of mailing a dangerous or broken link.
 */
function assertSafeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("Email links must be absolute URLs.");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error("Email links must use http or https.");
  }
  return parsed.toString();
}

const colors = {
  page: "#f4f4f5",
  card: "#ffffff",
  border: "#e4e4e7",
  text: "#18181b",
  muted: "#52525b",
  button: "#18181b",
  buttonText: "#ffffff",
};

// Clients that support it (Apple Mail, Outlook.com, some others) switch to these in
// dark mode; the rest keep the light palette or invert it themselves, which the
// high-contrast light palette survives.
const darkModeStyles = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    .keel-page { background-color: #09090b !important; }
    .keel-card { background-color: #18181b !important; border-color: #3f3f46 !important; }
    .keel-text { color: #f4f4f5 !important; }
    .keel-muted { color: #a1a1aa !important; }
    .keel-button { background-color: #f4f4f5 !important; }
    .keel-button a { color: #18181b !important; }
  }
`;

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function paragraphHtml(text: string, className: string, style: string): string {
  return `<p class="${className}" style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
}

function buttonHtml(action: { label: string; url: string }): string {
  const href = escapeHtml(assertSafeUrl(action.url));
  // A table cell with a background colour is the button form that renders in every
  // client, Outlook included.
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
  <tr>
    <td class="keel-button" style="border-radius:8px;background-color:${colors.button};">
      <a href="${href}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:16px;font-weight:600;line-height:20px;color:${colors.buttonText};text-decoration:none;border-radius:8px;">${escapeHtml(action.label)}</a>
    </td>
  </tr>
</table>
<p class="keel-muted" style="margin:0 0 16px;font-size:13px;line-height:20px;color:${colors.muted};word-break:break-all;">Or paste this link into your browser: <a href="${href}" target="_blank" style="color:inherit;">${href}</a></p>`;
}

/** The branded HTML document around a message's content. */
export function renderHtmlLayout(content: EmailContent): string {
  const appUrl = escapeHtml(env.appUrl);
  const body = [
    `<h1 class="keel-text" style="margin:0 0 16px;font-size:22px;line-height:30px;font-weight:700;color:${colors.text};">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) =>
      paragraphHtml(p, "keel-text", `font-size:16px;line-height:24px;color:${colors.text};`),
    ),
    content.action ? buttonHtml(content.action) : "",
    ...(content.notes ?? []).map((n) =>
      paragraphHtml(n, "keel-muted", `font-size:13px;line-height:20px;color:${colors.muted};`),
    ),
  ].join("\n");

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(content.heading)}</title>
<style>${darkModeStyles}</style>
</head>
<body class="keel-page" style="margin:0;padding:0;background-color:${colors.page};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(content.preview)}</div>
<table role="presentation" class="keel-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${colors.page};">
  <tr>
    <td align="center" style="padding:32px 16px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
        <tr>
          <td class="keel-text" style="padding:0 8px 16px;font-family:${font};font-size:18px;font-weight:700;letter-spacing:-0.01em;color:${colors.text};">Keel</td>
        </tr>
        <tr>
          <td class="keel-card" style="padding:32px;background-color:${colors.card};border:1px solid ${colors.border};border-radius:12px;font-family:${font};">
${body}
          </td>
        </tr>
        <tr>
          <td class="keel-muted" style="padding:16px 8px 0;font-family:${font};font-size:12px;line-height:18px;color:${colors.muted};">
            You received this email because of your account at <a href="${appUrl}" target="_blank" style="color:inherit;">${appUrl}</a>.
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>`;
}

/** The plain-text version: the same content, with the main link spelled out. */
export function renderTextLayout(content: EmailContent): string {
  const blocks = [content.heading, ...content.paragraphs];
  if (content.action) {
    blocks.push(`${content.action.label}: ${assertSafeUrl(content.action.url)}`);
  }
  blocks.push(...(content.notes ?? []));
  blocks.push(`--\nKeel · ${env.appUrl}`);
  return `${blocks.join("\n\n")}\n`;
}

/**
 * Renders a message in both formats. Line breaks are removed from the subject: it
 * becomes a mail header, and user data in it must not be able to start another one.
 */
export function renderEmail(subject: string, content: EmailContent): RenderedEmail {
  return {
    subject: subject.replace(/[\r\n]+/g, " ").trim(),
    html: renderHtmlLayout(content),
    text: renderTextLayout(content),
  };
}
