import { describe, expect, it } from "vitest";
import { renderTemplate, templates, type TemplateRequest } from "@/lib/email/templates";
import { previews, renderPreview, templateNames } from "@/lib/email/templates/previews";

const hostile = `<script>alert("x")</script>"><img src=x onerror=alert(1)>`;
const escapedScript = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";

// Data that is not free text: links (checked separately), role names, dates, numbers.
const notFreeText = /url$|^(role|from|to|changedAt)$/i;

/** The preview data with every free-text field replaced by an injection attempt. */
function withHostileText(data: object): { data: object; fields: string[] } {
  const fields: string[] = [];
  const hostileData = Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      if (notFreeText.test(key)) return [key, value];
      if (typeof value === "string") {
        fields.push(key);
        return [key, hostile];
      }
      if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
        fields.push(key);
        return [key, [hostile]];
      }
      return [key, value];
    }),
  );
  return { data: hostileData, fields };
}

describe("email previews", () => {
  it("has sample data for every registered template, and none for a template that is gone", () => {
    expect(Object.keys(previews).sort()).toEqual(Object.keys(templates).sort());
    expect([...templateNames].sort()).toEqual(Object.keys(templates).sort());
  });

  it.each(Object.keys(templates))("renders %s with its sample data", (name) => {
    const email = renderPreview(name as keyof typeof templates);
    expect(email.subject.length).toBeGreaterThan(0);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.text.trim().length).toBeGreaterThan(0);
    // Every link in the HTML is spelled out in the text version (the footer's address without
    // the slash the HTML's normalized link ends with).
    const links = [...email.html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(email.text).toContain(link.replaceAll("&amp;", "&").replace(/\/$/, ""));
    }
  });
});

describe("user text in every template", () => {
  const cases = Object.entries(previews)
    .map(([template, data]) => ({ template, ...withHostileText(data) }))
    .filter(({ fields }) => fields.length > 0);

  it("covers every template that takes text", () => {
    expect(cases.map((c) => c.template)).toEqual(
      expect.arrayContaining(["welcome", "invitation", "memberJoined", "accountDeleted"]),
    );
  });

  it.each(cases)("$template escapes $fields in the HTML", ({ template, data }) => {
    const email = renderTemplate({ template, data } as TemplateRequest);
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain(escapedScript);
    expect(email.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    // The text version is plain text: it carries the text as typed.
    expect(`${email.subject}\n${email.text}`).toContain(hostile);
  });
});
