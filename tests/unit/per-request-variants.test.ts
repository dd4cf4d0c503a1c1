import { describe, expect, it } from "vitest";
import { needsDocumentLoad } from "@/lib/http/per-request-variants";

describe("needsDocumentLoad", () => {
  it("is true for a prerendered auth page addressed with a query", () => {
    expect(needsDocumentLoad("/sign-in?callbackUrl=%2Fmembers")).toBe(true);
    expect(needsDocumentLoad("/sign-up?plan=pro&interval=year")).toBe(true);
  });

  it("is false for the plain page, another path or a fragment alone", () => {
    expect(needsDocumentLoad("/sign-in")).toBe(false);
    expect(needsDocumentLoad("/sign-in#form")).toBe(false);
    expect(needsDocumentLoad("/sign-in/two-factor?callbackUrl=%2F")).toBe(false);
    expect(needsDocumentLoad("/projects?q=alpha")).toBe(false);
  });
});
