import type { ReactNode } from "react";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { brand } from "@/brand.config";
import { env } from "@/lib/env";
import { assertSafeUrl } from "@/lib/email/render/safe-url";

export type EmailAction = { label: string; url: string };

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

/** A paragraph of the message body. */
export function EmailParagraph({ children }: { children?: ReactNode }) {
  return (
    <p
      className="email-text"
      style={{ margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: colors.text }}
    >
      {children}
    </p>
  );
}

/** Small print under the button: expiry, "if this was not you", and the like. */
export function EmailNote({ children }: { children?: ReactNode }) {
  return (
    <p
      className="email-muted"
      style={{ margin: "0 0 16px", fontSize: "13px", lineHeight: "20px", color: colors.muted }}
    >
      {children}
    </p>
  );
}

/**
 * The only place a token link goes: never the subject, preview or notes. A coloured table cell
 * is the button form every client renders, Outlook included; the link is spelled out below it
 * for clients that block buttons. The text version shows it once, as "Label: URL".
 */
export function EmailButton({ label, url }: EmailAction) {
  const href = assertSafeUrl(url);
  return (
    <>
      <table
        role="presentation"
        cellPadding={0}
        cellSpacing={0}
        border={0}
        style={{ margin: "8px 0 24px" }}
        data-text={`${label}: ${href}`}
      >
        <tr>
          <td
            className="email-button"
            style={{ borderRadius: "8px", backgroundColor: colors.button }}
          >
            <a
              href={href}
              target="_blank"
              style={{
                display: "inline-block",
                padding: "12px 24px",
                fontFamily: font,
                fontSize: "16px",
                fontWeight: 600,
                lineHeight: "20px",
                color: colors.buttonText,
                textDecoration: "none",
                borderRadius: "8px",
              }}
            >
              {label}
            </a>
          </td>
        </tr>
      </table>
      <p
        className="email-muted"
        data-skip-in-text
        style={{
          margin: "0 0 16px",
          fontSize: "13px",
          lineHeight: "20px",
          color: colors.muted,
          wordBreak: "break-all",
        }}
      >
        Or paste this link into your browser:{" "}
        <a href={href} target="_blank" style={{ color: "inherit" }}>
          {href}
        </a>
      </p>
    </>
  );
}

export type EmailLayoutProps = {
  /** The line inbox lists show after the subject. */
  preview: string;
  heading: string;
  /** The body: usually `EmailParagraph`s. */
  children?: ReactNode;
  action?: EmailAction;
  notes?: readonly string[];
};

/** Every email's frame: brand name, card, button, notes and footer, in light and dark. */
export function EmailLayout({ preview, heading, children, action, notes = [] }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{heading}</title>
        <style>{darkModeStyles}</style>
      </Head>
      <body className="email-page" style={{ margin: 0, padding: 0, backgroundColor: colors.page }}>
        <Preview>{preview}</Preview>
        <table
          role="presentation"
          className="email-page"
          width="100%"
          cellPadding={0}
          cellSpacing={0}
          border={0}
          style={{ backgroundColor: colors.page }}
        >
          <tr>
            <td align="center" style={{ padding: "32px 16px" }}>
              <table
                role="presentation"
                width="100%"
                cellPadding={0}
                cellSpacing={0}
                border={0}
                style={{ maxWidth: "560px" }}
              >
                <tr>
                  <td
                    className="email-text"
                    data-skip-in-text
                    style={{
                      padding: "0 8px 16px",
                      fontFamily: font,
                      fontSize: "18px",
                      fontWeight: 700,
                      letterSpacing: "-0.01em",
                      color: colors.text,
                    }}
                  >
                    {brand.name}
                  </td>
                </tr>
                <tr>
                  <td
                    className="email-card"
                    style={{
                      padding: "32px",
                      backgroundColor: colors.card,
                      border: `1px solid ${colors.border}`,
                      borderRadius: "12px",
                      fontFamily: font,
                    }}
                  >
                    <h1
                      className="email-text"
                      style={{
                        margin: "0 0 16px",
                        fontSize: "22px",
                        lineHeight: "30px",
                        fontWeight: 700,
                        color: colors.text,
                      }}
                    >
                      {heading}
                    </h1>
                    {children}
                    {action ? <EmailButton label={action.label} url={action.url} /> : null}
                    {notes.map((note, index) => (
                      <EmailNote key={index}>{note}</EmailNote>
                    ))}
                  </td>
                </tr>
                <tr>
                  <td
                    className="email-muted"
                    data-text={`--\n${brand.name} · ${env.appUrl}`}
                    style={{
                      padding: "16px 8px 0",
                      fontFamily: font,
                      fontSize: "12px",
                      lineHeight: "18px",
                      color: colors.muted,
                    }}
                  >
                    You received this email because of your account at{" "}
                    <a href={env.appUrl} target="_blank" style={{ color: "inherit" }}>
                      {env.appUrl}
                    </a>
                    .
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </Html>
  );
}
