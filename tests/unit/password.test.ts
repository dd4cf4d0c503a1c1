import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, passwordRules } from "@/lib/auth/password-policy";

describe("password policy", () => {
  it("accepts 8 characters and refuses 7", () => {
    expect(passwordProblem("kq7#vbnm")).toBeNull();
    expect(passwordProblem("kq7#vbn")).toBe("Use at least 8 characters.");
  });

  it("accepts long passphrases, up to the cap", () => {
    expect(passwordProblem("correct horse battery staple ".repeat(3))).toBeNull();
    expect(passwordProblem("x9".repeat(passwordRules.maxLength / 2))).toBeNull();
    expect(passwordProblem("x".repeat(passwordRules.maxLength + 1))).toMatch(/at most/);
  });

  it("counts characters, not bytes or UTF-16 units", () => {
    // Seven emoji are 14 UTF-16 units and 28 bytes, but seven characters.
    expect(passwordProblem("🔑🔒🗝️🚪🏠🌉🧭".replace("\uFE0F", ""))).toMatch(/at least 8/);
  });

  it("has no composition rules", () => {
    expect(passwordProblem("lowercaseonlybutlong")).toBeNull();
  });

  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("password123")).toMatch(/too common/);
    expect(passwordProblem("PassWord123")).toMatch(/too common/);
    expect(passwordProblem("qwertyuiop")).toMatch(/too common/);
  });

  it("refuses the email address or its local part", () => {
    expect(passwordProblem("ada.lovelace@acme.test", { email: "Ada.Lovelace@acme.test" })).toMatch(
      /email/,
    );
    expect(passwordProblem("ada.lovelace", { email: "ada.lovelace@acme.test" })).toMatch(/email/);
  });
});

describe("password hashing", () => {
  it("stores argon2id with at least 19 MiB, 2 passes and 1 lane", async () => {
    const stored = await hashPassword("a long enough password");
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    expect(Number(match![3])).toBe(1);
    expect(needsRehash(stored)).toBe(false);
  });

  it("verifies exactly what was typed: no truncation after 72 bytes", async () => {
    const base = "b".repeat(72);
    const stored = await hashPassword(`${base}1`);
    expect(await verifyPassword(stored, `${base}1`)).toBe(true);
    expect(await verifyPassword(stored, `${base}2`)).toBe(false);
    expect(await verifyPassword(stored, base)).toBe(false);
  });

  it("does not trim or normalize", async () => {
    const stored = await hashPassword("spaces matter ");
    expect(await verifyPassword(stored, "spaces matter")).toBe(false);
    const composed = await hashPassword("caf\u00e9 au lait");
    expect(await verifyPassword(composed, "cafe\u0301 au lait")).toBe(false);
  });

  it("never matches a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything at all")).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
  });
});
