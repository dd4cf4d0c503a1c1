import { describe, expect, it } from "vitest";
import { maskEmail, maskEmailsIn } from "@/lib/admin/jobs/mask";

describe("masking recipients for the operator console", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("ada.lovelace@acme.test")).toBe("a•••@acme.test");
    expect(maskEmail("x@y.test")).toBe("x•••@y.test");
  });

  it("shows nothing of something that is not an address", () => {
    expect(maskEmail("not-an-address")).toBe("•••");
    expect(maskEmail("@acme.test")).toBe("•••");
  });

  it("masks every address quoted in an error", () => {
    expect(maskEmailsIn("550 <grace@navy.test> and bob.smith+x@mail.example.com refused")).toBe(
      "550 <g•••@navy.test> and b•••@mail.example.com refused",
    );
    expect(maskEmailsIn("timeout after 10000 ms")).toBe("timeout after 10000 ms");
  });
});
