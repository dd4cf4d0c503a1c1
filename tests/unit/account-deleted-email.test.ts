import { describe, expect, it } from "vitest";
import { brand } from "@/brand.config";
import { renderTemplate } from "@/lib/email/templates";

describe("the account deleted email", () => {
  it("names the organizations deleted with the account, says it is final, and where to ask", () => {
    const email = renderTemplate({
      template: "accountDeleted",
      data: { name: "Ada", organizationNames: ["Acme", "Side project"] },
    });
    expect(email.subject).toBe("Your Keel account was deleted");
    expect(email.text).toContain("Hi Ada,");
    expect(email.text).toContain("Acme, Side project");
    expect(email.text).toContain("cannot be undone");
    expect(email.text).toContain(brand.supportEmail);
  });

  it("says when no organization went with it", () => {
    const email = renderTemplate({
      template: "accountDeleted",
      data: { name: null, organizationNames: [] },
    });
    expect(email.text).toContain("No organization was deleted");
    expect(email.text).toContain("Hi,");
  });

  it("escapes names in HTML and carries no link to the deleted account", () => {
    const email = renderTemplate({
      template: "accountDeleted",
      data: { name: "<script>alert(1)</script>", organizationNames: ["<b>Acme</b>"] },
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("&lt;b&gt;Acme&lt;/b&gt;");
    expect(email.text).not.toMatch(/https?:\/\/\S*(sign-in|account)/);
  });
});
