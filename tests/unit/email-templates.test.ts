import { describe, expect, it } from "vitest";
import { brand } from "@/brand.config";
import { env } from "@/lib/env";
import { renderTemplate, templates } from "@/lib/email/templates";
import { escapeHtml, renderEmail } from "@/lib/email/templates/layout";
import { welcomeEmail } from "@/lib/email/templates/welcome";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("leaves ordinary text alone", () => {
    expect(escapeHtml("Zoë Ångström, 100 %")).toBe("Zoë Ångström, 100 %");
  });
});

describe("welcome email", () => {
  it("returns a subject, an HTML and a text version", () => {
    const email = welcomeEmail({ name: "Ada Lovelace" });
    expect(email.subject).toBe("Welcome to Keel");
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain("Welcome to Keel, Ada Lovelace");
    expect(email.text).toContain("Welcome to Keel, Ada Lovelace");
  });

  it("escapes user data in the HTML", () => {
    const email = welcomeEmail({ name: `<script>alert("x")</script> & <img src=x onerror=y>` });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img");
    // The text version is plain text: it carries the name as typed.
    expect(email.text).toContain(`<script>alert("x")</script>`);
  });

  it("links to the app from a button and spells the link out in the text version", () => {
    const email = welcomeEmail({ name: "Ada" });
    const link = `${env.appUrl}/`;
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain("Open Keel");
    expect(email.text).toContain(`Open Keel: ${link}`);
  });

  it("paints the button in the brand's accent", () => {
    const { html } = welcomeEmail({ name: "Ada" });
    expect(html).toContain(`background-color:${brand.colors.accent};`);
    expect(html).toContain(`color:${brand.colors.onAccent};`);
  });

  it("greets neutrally without a name", () => {
    expect(welcomeEmail({}).text.split("\n")[0]).toBe("Welcome to Keel");
    expect(welcomeEmail({ name: "   " }).text.split("\n")[0]).toBe("Welcome to Keel");
    expect(welcomeEmail({ name: null }).html).toContain(">Welcome to Keel</h1>");
  });

  it("is readable in dark mail clients", () => {
    const { html } = welcomeEmail({});
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain("@media (prefers-color-scheme: dark)");
  });
});

describe("layout", () => {
  const content = { preview: "p", heading: "h", paragraphs: ["body"] };

  it("refuses links that are not absolute http(s) URLs", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "/relative", "not a url"]) {
      expect(() => renderEmail("s", { ...content, action: { label: "Go", url } })).toThrow();
    }
  });

  it("escapes the link itself", () => {
    const { html, text } = renderEmail("s", {
      ...content,
      action: { label: "Go", url: 'https://example.com/?a=1&b="2"' },
    });
    expect(html).toContain('href="https://example.com/?a=1&amp;b=%222%22"');
    expect(text).toContain("Go: https://example.com/?a=1&b=%222%22");
  });

  it("keeps user data from starting a new header in the subject", () => {
    expect(renderEmail("Hello\r\nBcc: x@example.com", content).subject).toBe(
      "Hello Bcc: x@example.com",
    );
  });

  it("has a footer in both versions", () => {
    const { html, text } = renderEmail("s", content);
    expect(html).toContain(`You received this email because of your account at`);
    expect(text.trimEnd().endsWith(`Keel · ${env.appUrl}`)).toBe(true);
  });
});

describe("template registry", () => {
  it("renders a template by name with its data", () => {
    expect(renderTemplate({ template: "welcome", data: { name: "Grace" } })).toEqual(
      welcomeEmail({ name: "Grace" }),
    );
  });

  it("lists every template", () => {
    expect(Object.keys(templates)).toContain("welcome");
  });
});
