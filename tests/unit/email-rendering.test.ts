import { Component, createElement, Fragment, forwardRef, memo, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { renderEmailDocument } from "@/lib/email/render/document";
import { brand } from "@/brand.config";
import { env } from "@/lib/env";
import { EmailLayout, EmailParagraph } from "@/lib/email/templates/email-layout";
import { renderEmail } from "@/lib/email/templates/layout";
import { welcomeEmail, welcomeSubject } from "@/lib/email/templates/welcome";

const h = createElement;
const render = (node: ReactNode) => renderEmailDocument("Subject", node);

describe("rendering an email from React elements", () => {
  it("writes a document with an HTML5 doctype, void elements and mapped attribute names", () => {
    const { html } = render(
      h(
        "html",
        { lang: "en" },
        h("head", null, h("meta", { httpEquiv: "Content-Type", charSet: "utf-8" })),
        h(
          "body",
          { className: "page" },
          h("table", { cellPadding: 0, cellSpacing: 0, border: 0 }, h("tr", null, h("td", null))),
        ),
      ),
    );
    expect(html).toBe(
      '<!DOCTYPE html>\n<html lang="en"><head><meta http-equiv="Content-Type" charset="utf-8"></head>' +
        '<body class="page"><table cellpadding="0" cellspacing="0" border="0"><tr><td></td></tr></table></body></html>',
    );
  });

  it("escapes text and attribute values, with no markers between adjacent texts", () => {
    const hostile = `"><img src=x onerror=alert(1)> <script>alert('x')</script> &`;
    const { html, text } = render(h("p", { title: hostile }, "Hi ", hostile, "!"));
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain(
      'title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;"',
    );
    expect(html).toContain(">Hi &quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<!--");
    expect(text).toBe(`Hi ${hostile}!\n`);
  });

  it("writes style objects as CSS, with px for bare numbers where CSS needs a unit", () => {
    const { html } = render(
      h("div", {
        style: {
          marginTop: 8,
          opacity: 0,
          fontWeight: 700,
          WebkitTextSizeAdjust: "100%",
          color: undefined,
        },
      }),
    );
    expect(html).toContain(
      'style="margin-top:8px;opacity:0;font-weight:700;-webkit-text-size-adjust:100%;"',
    );
  });

  it("calls function, forwardRef and memo components, and flattens fragments and arrays", () => {
    const Named = ({ name }: { name: string }) => h("b", null, name);
    const Forwarded = forwardRef<HTMLElement, { children?: ReactNode }>(function Forwarded(
      { children },
      _ref,
    ) {
      return h("i", null, h(Fragment, null, children));
    });
    const Memoized = memo(Named);
    const { html } = render(
      h(
        "p",
        null,
        h(Named, { name: "a" }),
        [h(Forwarded, { key: 1 }, "b")],
        h(Memoized, { name: "c" }),
      ),
    );
    expect(html).toContain("<p><b>a</b><i>b</i><b>c</b></p>");
  });

  it("refuses links that are not absolute http(s) URLs, wherever they are", () => {
    for (const href of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "/relative",
    ]) {
      expect(() => render(h("a", { href }, "Go"))).toThrow(/Email links/);
    }
    expect(() => render(h("img", { src: "javascript:alert(1)" }))).toThrow(/Email links/);
    expect(render(h("a", { href: "https://example.com/a b" }, "Go")).html).toContain(
      'href="https://example.com/a%20b"',
    );
  });

  it("refuses raw HTML, scripts, frames and event handlers", () => {
    expect(() => render(h("div", { dangerouslySetInnerHTML: { __html: "<b>x</b>" } }))).toThrow(
      /dangerouslySetInnerHTML/,
    );
    expect(() => render(h("script", null, "alert(1)"))).toThrow(/<script>/);
    expect(() => render(h("iframe", { src: "https://example.com" }))).toThrow(/<iframe>/);
    expect(() => render(h("a", { onClick: () => {} }, "x"))).toThrow(/onClick/);
    expect(() => render(h("a", { onmouseover: "alert(1)" }, "x"))).toThrow(/onmouseover/);
    expect(() => render(h("style", null, "p{} </style><script>alert(1)</script>"))).toThrow(
      /closing tag/,
    );
  });

  it("refuses async and class components instead of mailing a half-rendered email", () => {
    const Async = async () => h("p", null, "late");
    expect(() => render(h(Async as unknown as () => null))).toThrow(/synchronously/);
    class Legacy extends Component {
      override render() {
        return h("p", null, "old");
      }
    }
    expect(() => render(h(Legacy))).toThrow(/functions, not classes/);
  });

  it("builds the text version from the same tree: blocks, button as 'Label: URL', no hidden parts", () => {
    const email = render(
      h(
        EmailLayout,
        {
          preview: "Hidden preview line",
          heading: "Heading",
          action: { label: "Open it", url: "https://example.com/x?y=1&z=2" },
          notes: ["A note."],
        },
        h(EmailParagraph, null, "First ", "paragraph."),
        h(EmailParagraph, null, "Second."),
      ),
    );
    expect(email.text).toMatch(
      /^Heading\n\nFirst paragraph\.\n\nSecond\.\n\nOpen it: https:\/\/example\.com\/x\?y=1&z=2\n\nA note\.\n\n--\n/,
    );
    expect(email.text).not.toContain("Hidden preview line");
    expect(email.text).not.toContain("Or paste this link");
    expect(email.html).toContain("Hidden preview line");
    expect(email.html).toContain('href="https://example.com/x?y=1&amp;z=2"');
    // The text version's instructions stay out of the HTML.
    expect(email.html).not.toContain("data-text");
  });
});

describe("a template written the older way", () => {
  it("renders exactly as its component form, in the same layout", () => {
    const oldStyle = renderEmail(welcomeSubject(), {
      preview: "Your account is ready. Here is where to start.",
      heading: `Welcome to ${brand.name}, Ada`,
      paragraphs: [
        "Your account is ready. Create an organization, invite your team and start your first project.",
      ],
      action: { label: `Open ${brand.name}`, url: `${env.appUrl}/` },
      notes: ["Questions? Reply to this email and a person will answer."],
    });
    expect(oldStyle).toEqual(welcomeEmail({ name: "Ada" }));
  });
});
