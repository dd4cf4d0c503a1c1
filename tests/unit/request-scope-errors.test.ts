import { cookies } from "next/headers";
import { describe, expect, it } from "vitest";
import { outsideRequestScope } from "@/lib/db/read-your-writes";

// Read-your-writes asks for the request's cookies from jobs and scripts too, and must tell Next's
// "no request here" from its other signals by the error itself: this is the error it really throws.
describe("Next's refusal of cookies() outside a request", () => {
  it("is recognised, and other errors are not", async () => {
    let refusal: unknown = null;
    try {
      await cookies();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(Error);
    expect(outsideRequestScope(refusal)).toBe(true);
    expect(outsideRequestScope(new Error("Dynamic server usage: cookies"))).toBe(false);
    expect(outsideRequestScope("was called outside a request scope")).toBe(false);
  });
});
