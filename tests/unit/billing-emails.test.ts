import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

const url = "http://acme.localhost:3000/settings/billing";

describe("billing emails", () => {
  it("trial ending: says which plan, for whom, and the date", () => {
    const email = renderTemplate({
      template: "trialEnding",
      data: {
        organizationName: "Acme <Labs>",
        planName: "Pro",
        trialEndsAt: new Date("2026-12-01T10:00:00Z"),
        url,
      },
    });
    expect(email.subject).toBe("Your Pro trial for Acme <Labs> ends on 1 December 2026");
    expect(email.text).toContain(url);
    expect(email.html).toContain("Acme &lt;Labs&gt;");
    expect(email.html).not.toContain("<Labs>");
  });

  it("trial started: the plan, for whom, until when, escaped in HTML", () => {
    const email = renderTemplate({
      template: "trialStarted",
      data: {
        organizationName: "Acme <Labs>",
        planName: "Pro",
        trialEndsAt: new Date("2026-12-15T10:00:00Z"),
        url,
      },
    });
    expect(email.subject).toBe("Your Pro trial for Acme <Labs> has started");
    expect(email.text).toContain("until 15 December 2026");
    expect(email.text).toContain(`Review billing: ${url}`);
    expect(email.html).toContain("Acme &lt;Labs&gt;");
    expect(email.html).not.toContain("<Labs>");
  });

  it("trial ended: says no payment came and links to choosing a plan", () => {
    const email = renderTemplate({
      template: "trialEnded",
      data: { organizationName: "Acme & Co", planName: "Business", url },
    });
    expect(email.subject).toBe("The Business trial of Acme & Co has ended");
    expect(email.text).toContain("ended without a payment");
    expect(email.text).toContain(`Choose a plan: ${url}`);
    expect(email.text).toContain("No data is deleted");
    expect(email.html).toContain("Acme &amp; Co");
  });

  it("payment failed: the amount, and the date the organization turns read-only", () => {
    const email = renderTemplate({
      template: "paymentFailed",
      data: {
        organizationName: "Acme",
        amount: "$24",
        readOnlyFrom: new Date("2026-12-08T00:00:00Z"),
        url,
      },
    });
    expect(email.subject).toBe("Payment failed for Acme");
    expect(email.text).toContain("$24");
    expect(email.text).toContain("8 December 2026");
    expect(email.text).toContain("No data is deleted");
  });

  it("payment action required: links to the hosted invoice", () => {
    const hosted = "https://invoice.stripe.com/i/acct_1/test_abc";
    const email = renderTemplate({
      template: "paymentActionRequired",
      data: { organizationName: "Acme", amount: "$12", url: hosted },
    });
    expect(email.html).toContain(`href="${hosted}"`);
    expect(email.subject).toBe("Confirm the payment for Acme");
  });

  it("refuses a non-http link, as every template does", () => {
    expect(() =>
      renderTemplate({
        template: "paymentActionRequired",
        data: { organizationName: "Acme", amount: "$12", url: "javascript:alert(1)" },
      }),
    ).toThrow();
  });
});
