import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkPostPolicy } from "@/scripts/lib/post-policy";

// What the local S3 server checks before it stores a browser upload, as S3 does.
const secret = "local-secret";
const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();

function signedForm(conditions: unknown[], expiration = new Date(Date.now() + 60_000)) {
  const policy = Buffer.from(
    JSON.stringify({ expiration: expiration.toISOString(), conditions }),
  ).toString("base64");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, "20261201"), "us-east-1"), "s3"),
    "aws4_request",
  );
  return new Map([
    ["policy", policy],
    ["x-amz-credential", "KEY/20261201/us-east-1/s3/aws4_request"],
    ["x-amz-signature", hmac(key, policy).toString("hex")],
    ["key", "org/o1/a"],
    ["content-type", "text/plain"],
  ]);
}

const conditions = [
  { bucket: "uploads" },
  { key: "org/o1/a" },
  ["content-length-range", 1, 10],
  ["eq", "$Content-Type", "text/plain"],
];
const check = (fields: Map<string, string>, fileSize = 5) =>
  checkPostPolicy({ bucket: "uploads", fields, fileSize, secrets: new Map([["KEY", secret]]) });

describe("browser upload policy", () => {
  it("accepts the form it signed", () => {
    expect(check(signedForm(conditions))).toEqual({ ok: true });
  });

  it("refuses a file outside the size range", () => {
    expect(check(signedForm(conditions), 11)).toMatchObject({ ok: false, code: "EntityTooLarge" });
    expect(check(signedForm(conditions), 0)).toMatchObject({ ok: false, code: "EntityTooSmall" });
  });

  it("refuses another key, type or bucket than the policy names", () => {
    const otherKey = signedForm(conditions);
    otherKey.set("key", "org/o2/a");
    expect(check(otherKey)).toMatchObject({ ok: false, status: 403 });
    const otherType = signedForm(conditions);
    otherType.set("content-type", "text/html");
    expect(check(otherType)).toMatchObject({ ok: false, status: 403 });
    const result = checkPostPolicy({
      bucket: "elsewhere",
      fields: signedForm(conditions),
      fileSize: 5,
      secrets: new Map([["KEY", secret]]),
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses a rewritten policy, a wrong key and an expired policy", () => {
    const tampered = signedForm(conditions);
    tampered.set(
      "policy",
      Buffer.from(JSON.stringify({ expiration: "2099-01-01T00:00:00Z", conditions: [] })).toString(
        "base64",
      ),
    );
    expect(check(tampered)).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    const unknown = signedForm(conditions);
    unknown.set("x-amz-credential", "OTHER/20261201/us-east-1/s3/aws4_request");
    expect(check(unknown)).toMatchObject({ ok: false, code: "InvalidAccessKeyId" });
    expect(check(signedForm(conditions, new Date(Date.now() - 1_000)))).toMatchObject({
      ok: false,
      message: expect.stringContaining("expired"),
    });
  });
});
