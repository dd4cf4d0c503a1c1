import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

describe("accountExists email", () => {
  const email = renderTemplate({
    template: "accountExists",
    data: {
      name: "<b>Ada</b>",
      signInUrl: "https://keel.app/sign-in",
      resetUrl: "https://keel.app/forgot-password",
    },
  });

  it("tells the owner nothing changed and links to sign-in and reset, in both versions", () => {
    expect(email.subject).toBe("You already have a Keel account");
    for (const body of [email.html, email.text]) {
      expect(body).toContain("https://keel.app/sign-in");
      expect(body).toContain("https://keel.app/forgot-password");
      expect(body).toContain("nothing was changed");
    }
  });

  it("escapes the name in HTML", () => {
    expect(email.html).not.toContain("<b>Ada</b>");
    expect(email.html).toContain("&lt;b&gt;Ada&lt;/b&gt;");
  });
});
