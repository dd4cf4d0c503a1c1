import { brand } from "@/brand.config";
import { env } from "@/lib/env";

export type RenderedEmail = { subject: string; html: string; text: string };

// Plain text only: the layout escapes every field, so user data cannot inject markup.
export type EmailContent = {
  preview: string;
  heading: string;
  paragraphs: readonly string[];
  /** The only place a token link goes: never the subject, preview or notes. */
  action?: { label: string; url: string };
  notes?: readonly string[];
};

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// Fails at enqueue time instead of mailing a `javascript:`, `data:` or relative link.
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
  button: brand.colors.accent,
  buttonText: brand.colors.onAccent,
};

// Clients without dark-mode support keep or invert the light palette, which is high-contrast.
const darkModeStyles = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    .email-page { background-color: #09090b !important; }
    .email-card { background-color: #18181b !important; border-color: #3f3f46 !important; }
    .email-text { color: #f4f4f5 !important; }
    .email-muted { color: #a1a1aa !important; }
    .email-button { background-color: #f4f4f5 !important; }
    .email-button a { color: #18181b !important; }
  }
`;

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function paragraphHtml(text: string, className: string, style: string): string {
  return `<p class="${className}" style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
}

function buttonHtml(action: { label: string; url: string }): string {
  const href = escapeHtml(assertSafeUrl(action.url));
  // A coloured table cell is the button form every client renders, Outlook included.
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
  <tr>
    <td class="email-button" style="border-radius:8px;background-color:${colors.button};">
      <a href="${href}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${font};font-size:16px;font-weight:600;line-height:20px;color:${colors.buttonText};text-decoration:none;border-radius:8px;">${escapeHtml(action.label)}</a>
    </td>
  </tr>
</table>
<p class="email-muted" style="margin:0 0 16px;font-size:13px;line-height:20px;color:${colors.muted};word-break:break-all;">Or paste this link into your browser: <a href="${href}" target="_blank" style="color:inherit;">${href}</a></p>`;
}

export function renderHtmlLayout(content: EmailContent): string {
  const appUrl = escapeHtml(env.appUrl);
  const body = [
    `<h1 class="email-text" style="margin:0 0 16px;font-size:22px;line-height:30px;font-weight:700;color:${colors.text};">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) =>
      paragraphHtml(p, "email-text", `font-size:16px;line-height:24px;color:${colors.text};`),
    ),
    content.action ? buttonHtml(content.action) : "",
    ...(content.notes ?? []).map((n) =>
      paragraphHtml(n, "email-muted", `font-size:13px;line-height:20px;color:${colors.muted};`),
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
<body class="email-page" style="margin:0;padding:0;background-color:${colors.page};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(content.preview)}</div>
<table role="presentation" class="email-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${colors.page};">
  <tr>
    <td align="center" style="padding:32px 16px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
        <tr>
          <td class="email-text" style="padding:0 8px 16px;font-family:${font};font-size:18px;font-weight:700;letter-spacing:-0.01em;color:${colors.text};">${escapeHtml(brand.name)}</td>
        </tr>
        <tr>
          <td class="email-card" style="padding:32px;background-color:${colors.card};border:1px solid ${colors.border};border-radius:12px;font-family:${font};">
${body}
          </td>
        </tr>
        <tr>
          <td class="email-muted" style="padding:16px 8px 0;font-family:${font};font-size:12px;line-height:18px;color:${colors.muted};">
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

export function renderTextLayout(content: EmailContent): string {
  const blocks = [content.heading, ...content.paragraphs];
  if (content.action) {
    blocks.push(`${content.action.label}: ${assertSafeUrl(content.action.url)}`);
  }
  blocks.push(...(content.notes ?? []));
  blocks.push(`--\n${brand.name} · ${env.appUrl}`);
  return `${blocks.join("\n\n")}\n`;
}

// No line breaks in the subject: it becomes a mail header, and user data must not start another.
export function renderEmail(subject: string, content: EmailContent): RenderedEmail {
  return {
    subject: subject.replace(/[\r\n]+/g, " ").trim(),
    html: renderHtmlLayout(content),
    text: renderTextLayout(content),
  };
}
