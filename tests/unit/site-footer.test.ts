import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { brand } from "@/brand.config";
import { SiteFooter } from "@/components/shell/site-footer";

describe("the site footer", () => {
  it("shows the brand's name, copyright holder, support address and repository", () => {
    const html = renderToStaticMarkup(createElement(SiteFooter));
    expect(html).toContain(`<span>${brand.name}</span>`);
    expect(html).toContain(`© ${brand.legal.companyName}.`);
    expect(html).toContain(`href="mailto:${brand.supportEmail}"`);
    expect(html).toContain(`href="${brand.social.github}"`);
  });

  it("links the terms of service and the privacy policy", () => {
    const html = renderToStaticMarkup(createElement(SiteFooter));
    expect(html).toMatch(/<a[^>]*href="\/terms"[^>]*>Terms of service<\/a>/);
    expect(html).toMatch(/<a[^>]*href="\/privacy"[^>]*>Privacy policy<\/a>/);
  });
});
