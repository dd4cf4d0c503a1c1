import { describe, expect, it } from "vitest";
import { creditRefusal, recordingRefusal, type CreditFacts } from "@/lib/referrals/rules";

describe("recording a referral", () => {
  it("accepts someone referred by another user", () => {
    expect(
      recordingRefusal({ referredUserId: "b", referrerId: "a", referrerChain: [] }),
    ).toBeNull();
  });

  it("refuses a user referring themselves", () => {
    expect(recordingRefusal({ referredUserId: "a", referrerId: "a", referrerChain: [] })).toBe(
      "self",
    );
  });

  it("refuses B referring A when A referred B", () => {
    expect(recordingRefusal({ referredUserId: "a", referrerId: "b", referrerChain: ["a"] })).toBe(
      "loop",
    );
  });

  it("refuses a longer loop: A → B → C, then C's link for A", () => {
    expect(
      recordingRefusal({ referredUserId: "a", referrerId: "c", referrerChain: ["b", "a"] }),
    ).toBe("loop");
  });

  it("accepts a chain that does not lead back: A → B, then B's link for D", () => {
    expect(
      recordingRefusal({ referredUserId: "d", referrerId: "b", referrerChain: ["a"] }),
    ).toBeNull();
  });
});

function facts(overrides: Partial<CreditFacts> = {}): CreditFacts {
  return {
    referrerId: "ada",
    referrerChain: [],
    referredOrganizationId: "org-b",
    referredMemberIds: ["bob"],
    referredCustomerId: "cus_b",
    credited: { organizationId: "org-a", customerId: "cus_a", referredByUserId: null },
    ...overrides,
  };
}

describe("crediting a first payment", () => {
  it("credits the referrer's organization when nothing ties the two together", () => {
    expect(creditRefusal(facts())).toBeNull();
  });

  it("credits even when the referrer's organization has no Stripe customer yet", () => {
    expect(
      creditRefusal(
        facts({ credited: { organizationId: "org-a", customerId: null, referredByUserId: null } }),
      ),
    ).toBeNull();
  });

  it("refuses when the referrer is a member of the referred organization", () => {
    expect(creditRefusal(facts({ referredMemberIds: ["bob", "ada"] }))).toBe("self");
  });

  it("refuses crediting the referred organization itself", () => {
    expect(
      creditRefusal(
        facts({
          credited: { organizationId: "org-b", customerId: "cus_x", referredByUserId: null },
        }),
      ),
    ).toBe("self");
  });

  it("refuses when both organizations pay through the same Stripe customer", () => {
    expect(
      creditRefusal(
        facts({
          credited: { organizationId: "org-a", customerId: "cus_b", referredByUserId: null },
        }),
      ),
    ).toBe("self");
  });

  it("refuses when someone who referred the referrer is in the referred organization", () => {
    expect(creditRefusal(facts({ referrerChain: ["carol", "bob"] }))).toBe("loop");
  });

  it("refuses when the credited organization was itself referred by the referred organization", () => {
    expect(
      creditRefusal(
        facts({
          credited: { organizationId: "org-a", customerId: "cus_a", referredByUserId: "bob" },
        }),
      ),
    ).toBe("loop");
  });

  it("refuses when the referrer owns no organization", () => {
    expect(creditRefusal(facts({ credited: null }))).toBe("no-organization");
  });
});
