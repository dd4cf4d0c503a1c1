import { createHmac } from "node:crypto";

/**
 * Checks an S3 browser-upload POST the way S3 does: the policy's signature (AWS Signature
 * Version 4), its expiration, and each of its conditions, including the file's size
 * (`content-length-range`). The local S3 server (s3rver) stores what it is sent without
 * reading the policy, so local-s3.ts runs this first; then a form that S3 would refuse is
 * refused here too, and the app's limits are tested against the storage as in production.
 */

export type PolicyVerdict =
  { ok: true } | { ok: false; status: 400 | 403; code: string; message: string };

type Condition = Record<string, string> | [string, string | number, string | number];

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
}

const deny = (message: string): PolicyVerdict => ({
  ok: false,
  status: 403,
  code: "AccessDenied",
  message: `Invalid according to Policy: ${message}`,
});

export function checkPostPolicy(input: {
  bucket: string;
  fields: Map<string, string>;
  fileSize: number;
  secrets: ReadonlyMap<string, string>;
  now?: Date;
}): PolicyVerdict {
  const field = (name: string) => input.fields.get(name.toLowerCase());
  const policy = field("policy");
  const signature = field("x-amz-signature");
  const credential = field("x-amz-credential");
  if (!policy || !signature || !credential) return deny("the form is not signed");
  const [accessKeyId, date, region, service] = credential.split("/");
  const secret = accessKeyId ? input.secrets.get(accessKeyId) : undefined;
  if (!secret || !date || !region || !service) {
    return { ok: false, status: 403, code: "InvalidAccessKeyId", message: "Unknown access key." };
  }
  const expected = hmac(signingKey(secret, date, region, service), policy).toString("hex");
  if (expected !== signature) {
    return {
      ok: false,
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  }
  let document: { expiration?: string; conditions?: Condition[] };
  try {
    document = JSON.parse(Buffer.from(policy, "base64").toString("utf8")) as typeof document;
  } catch {
    return deny("the policy is not JSON");
  }
  const now = input.now ?? new Date();
  if (!document.expiration || !(new Date(document.expiration) > now)) {
    return deny("Policy expired.");
  }
  const valueOf = (name: string) =>
    name.toLowerCase() === "bucket" ? input.bucket : (field(name) ?? "");
  for (const condition of document.conditions ?? []) {
    if (Array.isArray(condition)) {
      const [operator, subject, value] = condition;
      if (operator === "content-length-range") {
        if (input.fileSize < Number(subject) || input.fileSize > Number(value)) {
          return {
            ok: false,
            status: 400,
            code: input.fileSize > Number(value) ? "EntityTooLarge" : "EntityTooSmall",
            message: "Your proposed upload is outside the size the policy allows.",
          };
        }
        continue;
      }
      const name = String(subject).replace(/^\$/, "");
      const actual = valueOf(name);
      if (operator === "eq" && actual !== String(value)) return deny(`${name} must be ${value}`);
      if (operator === "starts-with" && !actual.startsWith(String(value)))
        return deny(`${name} must start with ${value}`);
      if (operator !== "eq" && operator !== "starts-with") return deny(`unknown ${operator}`);
    } else {
      for (const [name, value] of Object.entries(condition)) {
        if (valueOf(name) !== value) return deny(`${name} must be ${value}`);
      }
    }
  }
  return { ok: true };
}
