import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/email/templates";

describe("the data export email", () => {
  it("carries the download link and says how long it works and for whom", () => {
    const url = "https://keel.example/api/account/export/exp_1?expires=1&signature=abc";
    const email = renderTemplate({
      template: "accountExport",
      data: { name: "Ada", url, expiresInHours: 24 },
    });
    expect(email.subject).toBe("Your Keel data is ready");
    expect(email.text).toContain(url);
    expect(email.html).toContain(url.replace(/&/g, "&amp;"));
    expect(email.text).toContain("24 hours");
    expect(email.text).toMatch(/only for you when you are signed in/);
  });
});
