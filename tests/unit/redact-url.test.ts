import { describe, expect, it } from "vitest";
import { redactedError, redactTokens } from "@/lib/observability/redact-url";

const token = "Zt3x0ymQpL9v-8kW_secret";

describe("redactTokens", () => {
  it.each([
    // What `next dev` prints for an email link and for the session hand-off.
    [
      `GET /reset-password?token=${token} 200 in 41ms`,
      "GET /reset-password?token=[redacted] 200 in 41ms",
    ],
    [
      `GET /api/account/handoff/accept?token=${token}&next=%2Fprojects 303 in 9ms`,
      "GET /api/account/handoff/accept?token=[redacted]&next=%2Fprojects 303 in 9ms",
    ],
    // An email body quoted in an error, plain and as HTML.
    [
      `Open https://keel.example/magic-link?token=${token} to sign in`,
      "Open https://keel.example/magic-link?token=[redacted] to sign in",
    ],
    [
      `<a href="https://keel.example/x?a=1&amp;token=${token}">`,
      '<a href="https://keel.example/x?a=1&amp;token=[redacted]">',
    ],
    // OAuth callbacks.
    [
      `GET /api/auth/callback/github?code=${token}&state=${token} 302`,
      "GET /api/auth/callback/github?code=[redacted]&state=[redacted] 302",
    ],
  ])("redacts %j", (input, expected) => {
    expect(redactTokens(input)).toBe(expected);
    expect(redactTokens(input)).not.toContain(token);
  });

  it("leaves other parameters and text alone", () => {
    const line = "GET /projects?page=2&tokenizer=x&next=%2F 200 in 3ms";
    expect(redactTokens(line)).toBe(line);
  });
});

describe("redactedError", () => {
  it("redacts the message and the stack of an error", () => {
    const error = new Error(`could not fetch https://keel.example/verify-email?token=${token}`);
    const text = redactedError(error);
    expect(text).toContain("verify-email?token=[redacted]");
    expect(text).not.toContain(token);
    expect(redactedError(`plain ?token=${token}`)).toBe("plain ?token=[redacted]");
  });
});

describe("pipeRedacted (the `next dev` output of npm run dev)", () => {
  it("passes every line through with tokens redacted", async () => {
    const { PassThrough } = await import("node:stream");
    const { pipeRedacted } = await import("@/scripts/lib/redacted-output");
    const source = new PassThrough();
    const target = new PassThrough();
    let output = "";
    target.on("data", (chunk: Buffer) => (output += chunk.toString()));
    pipeRedacted(source, target);

    source.end(`▲ Next.js ready\nGET /verify-email?token=${token} 200 in 12ms\n`);
    await new Promise((resolve) => source.on("end", resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(output).toBe("▲ Next.js ready\nGET /verify-email?token=[redacted] 200 in 12ms\n");
  });
});
