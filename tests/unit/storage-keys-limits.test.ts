import { describe, expect, it } from "vitest";
import {
  avatarPrefix,
  cleanFileName,
  isKeyUnder,
  logoPrefix,
  newObjectKey,
  organizationPrefix,
  projectPrefix,
  userPrefix,
} from "@/lib/storage/keys";
import { checkUpload, uploadLimits } from "@/lib/storage/limits";
import { storageOrigin } from "@/lib/storage/origin";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

describe("storage keys", () => {
  it("puts every object under its owner's prefix", () => {
    expect(projectPrefix("org1", "p1")).toBe("org/org1/projects/p1/");
    expect(projectPrefix("org1", "p1").startsWith(organizationPrefix("org1"))).toBe(true);
    expect(logoPrefix("org1").startsWith(organizationPrefix("org1"))).toBe(true);
    expect(avatarPrefix("u1").startsWith(userPrefix("u1"))).toBe(true);
    const key = newObjectKey(projectPrefix("org1", "p1"));
    expect(key).toMatch(/^org\/org1\/projects\/p1\/[a-f0-9]{32}$/);
    expect(newObjectKey(projectPrefix("org1", "p1"))).not.toBe(key);
  });

  it("refuses ids that could climb out of a prefix", () => {
    for (const id of ["..", "a/b", "", "x".repeat(65), "a b", "a%2fb"]) {
      expect(() => organizationPrefix(id), id).toThrow();
      expect(() => projectPrefix("org1", id), id).toThrow();
      expect(() => userPrefix(id), id).toThrow();
    }
  });

  it("accepts a key only directly under the prefix it claims, with a random name", () => {
    const prefix = projectPrefix("org1", "p1");
    expect(isKeyUnder(newObjectKey(prefix), prefix)).toBe(true);
    expect(isKeyUnder(newObjectKey(projectPrefix("org2", "p1")), prefix)).toBe(false);
    expect(isKeyUnder(`${prefix}../../org2/x`, prefix)).toBe(false);
    expect(isKeyUnder(`${prefix}${"a".repeat(32)}/more`, prefix)).toBe(false);
    expect(isKeyUnder(`${prefix}report.pdf`, prefix)).toBe(false);
  });

  it("keeps file names printable and without paths", () => {
    expect(cleanFileName("C:\\Users\\ada\\plan.pdf")).toBe("plan.pdf");
    expect(cleanFileName('../../etc/pa"ss\u0000wd')).toBe("passwd");
    expect(cleanFileName("   ")).toBe("file");
    expect(cleanFileName("x".repeat(300))).toHaveLength(200);
  });
});

describe("upload limits", () => {
  it("accepts each kind's types up to its size", () => {
    expect(checkUpload("attachment", { size: 10 * 1024 * 1024, type: "application/pdf" })).toEqual({
      ok: true,
    });
    expect(checkUpload("avatar", { size: 1, type: "image/png" })).toEqual({ ok: true });
  });

  it("says why a file is refused", () => {
    const big = checkUpload("avatar", {
      size: uploadLimits.avatar.maxBytes + 1,
      type: "image/png",
    });
    expect(big).toEqual({ ok: false, error: "That file is too large: the limit is 2 MB." });
    expect(checkUpload("attachment", { size: 11 * 1024 * 1024, type: "text/plain" })).toEqual({
      ok: false,
      error: "That file is too large: the limit is 10 MB.",
    });
    expect(checkUpload("avatar", { size: 10, type: "application/pdf" })).toMatchObject({
      ok: false,
      error: "That type of file is not accepted here.",
    });
    expect(checkUpload("attachment", { size: 0, type: "text/plain" })).toMatchObject({ ok: false });
  });

  it("never accepts SVG or HTML, which can carry script", () => {
    for (const kind of ["avatar", "logo", "attachment"] as const) {
      expect(checkUpload(kind, { size: 10, type: "image/svg+xml" }).ok).toBe(false);
      expect(checkUpload(kind, { size: 10, type: "text/html" }).ok).toBe(false);
    }
  });
});

describe("storage origin for the Content-Security-Policy", () => {
  it("is the endpoint's origin, AWS's bucket host, or nothing without a bucket", () => {
    expect(
      storageOrigin({ endpoint: "http://127.0.0.1:4569", bucket: "uploads", region: "us-east-1" }),
    ).toBe("http://127.0.0.1:4569");
    expect(storageOrigin({ bucket: "acme", region: "eu-west-1" })).toBe(
      "https://acme.s3.eu-west-1.amazonaws.com",
    );
    expect(
      storageOrigin({ endpoint: "https://r2.example/x", bucket: undefined, region: "auto" }),
    ).toBe(undefined);
  });
});

describe("the Content-Security-Policy with a bucket", () => {
  it("lets pages upload to it, post forms to it and show its images, and nothing more", () => {
    const policy = contentSecurityPolicy({
      scriptHashes: [],
      development: false,
      formActions: [],
      https: true,
      storageOrigin: "https://files.example",
    });
    const directive = (name: string) =>
      policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";
    expect(directive("connect-src")).toBe("connect-src 'self' https://files.example");
    expect(directive("img-src")).toContain("https://files.example");
    expect(directive("form-action")).toContain("https://files.example");
    expect(directive("script-src")).not.toContain("files.example");
    expect(directive("default-src")).toBe("default-src 'self'");
  });
});
