import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

const data = {
  organizationName: "Acme <Labs>",
  inviterName: "Ada Lovelace",
  role: "ADMIN" as const,
  url: "http://localhost:3000/invitations/accept?token=abc_DEF-123",
  expiresInDays: 7,
};

describe("the invitation email", () => {
  const email = renderTemplate({ template: "invitation", data });

  it("says who invites whom to what, as which role, until when", () => {
    expect(email.subject).toBe("Ada Lovelace invited you to Acme <Labs> on Keel");
    for (const part of ["Ada Lovelace", "Acme <Labs>", "an admin", "7 days", data.url]) {
      expect(email.text).toContain(part);
    }
    expect(email.text).toMatch(/did not expect/);
  });

  it("escapes the organization's name in HTML and links the button to the acceptance page", () => {
    expect(email.html).not.toContain("<Labs>");
    expect(email.html).toContain("Acme &lt;Labs&gt;");
    expect(email.html).toContain(`href="${data.url}"`);
  });
});
