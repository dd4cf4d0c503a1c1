import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

describe("the member joined email", () => {
  const data = {
    organizationName: "Acme <Labs>",
    memberName: "<script>alert(1)</script>",
    memberEmail: "grace@example.test",
    role: "ADMIN" as const,
    membersUrl: "https://acme.example.test/members",
  };
  const email = renderTemplate({ template: "memberJoined", data });

  it("says who joined which organization as which role, and links the members page", () => {
    expect(email.subject).toBe("<script>alert(1)</script> joined Acme <Labs> on Keel");
    for (const part of [
      data.memberName,
      data.memberEmail,
      "Acme <Labs>",
      "an admin",
      data.membersUrl,
    ]) {
      expect(email.text).toContain(part);
    }
  });

  it("escapes the names in HTML", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<Labs>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain(`href="${data.membersUrl}"`);
  });
});

describe("the role changed email", () => {
  const data = {
    organizationName: "Acme",
    changedBy: "<script>x</script>",
    from: "MEMBER" as const,
    to: "OWNER" as const,
    organizationUrl: "https://acme.example.test/",
  };
  const email = renderTemplate({ template: "roleChanged", data });

  it("names the old and new role in words, who changed it, and links the organization", () => {
    expect(email.subject).toBe("Your role in Acme changed");
    expect(email.text).toContain("from a member to an owner");
    expect(email.text).toContain(data.changedBy);
    expect(email.text).toContain(data.organizationUrl);
    expect(email.text).not.toMatch(/MEMBER|OWNER/);
  });

  it("escapes who changed it in HTML", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });
});
