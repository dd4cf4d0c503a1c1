import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

describe("the usage threshold email", () => {
  it("says how many calls are used, what beyond costs, and links to billing, escaped", () => {
    const email = renderTemplate({
      template: "usageThreshold",
      data: {
        organizationName: `<b>Acme</b>`,
        planName: "Pro",
        percent: 80,
        calls: 8_000,
        includedCalls: 10_000,
        overagePrice: "$1 per 1,000 calls",
        url: "https://acme.example.com/settings/billing",
      },
    });
    expect(email.subject).toBe("<b>Acme</b> has used 80% of its API calls");
    expect(email.text).toContain("8,000 of the 10,000 API calls");
    expect(email.text).toContain("$1 per 1,000 calls");
    expect(email.text).toContain("https://acme.example.com/settings/billing");
    expect(email.html).toContain('href="https://acme.example.com/settings/billing"');
    expect(email.html).not.toContain("<b>Acme</b>");
  });
});
