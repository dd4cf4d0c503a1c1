import { afterEach, describe, expect, it } from "vitest";
import {
  runWithRequestContext,
  setContextOrganization,
  setContextUser,
} from "@/lib/observability/context";
import { logger } from "@/lib/observability/logger";
import { prettyLine } from "@/lib/observability/pretty";
import { secretsIn } from "../support/secret-patterns";
import { captureLogs } from "../support/log-capture";

/**
 * What reaches the log when code logs a request, an error or a config object carelessly:
 * context fields yes, credentials never.
 */

// Built at run time so the repository itself holds no credential-shaped string.
const stripeKey = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dcXYZ"].join("_");
const restrictedKey = ["rk", "test", "51Hx8aQ2bCdEfGhIjKlMnOp"].join("_");
const webhookSecret = ["whsec", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"].join("_");
const resendKey = ["re", "Ab3dEf6h", "x1y2z3w4v5u6t7s8r9q0p1o2"].join("_");
const secrets = {
  cookie: "keel.session=cookie-value-9f8e7d6c5b4a",
  bearer: "bearer-token-1a2b3c4d5e6f",
  password: "correct-horse-battery-staple",
  linkToken: "Zt3x0ymQpL9v8kWlinktoken",
  apiKey: "api-key-value-0a9b8c7d6e",
  dbPassword: "db-pass-word-5544",
  csrf: "csrf-value-778899aabb",
};

let capture: ReturnType<typeof captureLogs>;
afterEach(() => capture.restore());

describe("the logger", () => {
  it("writes no secret from an object that holds each kind of them", () => {
    capture = captureLogs();
    const error = new Error(
      `Invalid request to https://keel.example/reset-password?token=${secrets.linkToken} with ${stripeKey}`,
    );
    logger.error(
      {
        request: {
          headers: new Headers({
            cookie: secrets.cookie,
            authorization: `Bearer ${secrets.bearer}`,
            "stripe-signature": `t=1,v1=${webhookSecret}`,
          }),
          url: `https://acme.keel.example/magic-link?token=${secrets.linkToken}`,
        },
        user: {
          email: "ada@example.test",
          password: secrets.password,
          newPassword: secrets.password,
        },
        config: {
          apiKey: secrets.apiKey,
          RESEND_API_KEY: resendKey,
          STRIPE_SECRET_KEY: stripeKey,
          stripeWebhookSecret: webhookSecret,
          databaseUrl: `postgresql://keel:${secrets.dbPassword}@db.internal:5432/keel`,
          csrfToken: secrets.csrf,
        },
        note: `a restricted key ${restrictedKey} and a resend key ${resendKey} in text, Authorization: Bearer ${secrets.bearer}`,
        err: error,
      },
      `failed for ${stripeKey} at /verify-email?token=${secrets.linkToken}`,
    );

    const text = capture.text();
    expect(capture.lines).toHaveLength(1);
    for (const secret of [
      ...Object.values(secrets),
      stripeKey,
      restrictedKey,
      webhookSecret,
      resendKey,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(secretsIn(text)).toEqual([]);
    // What is not secret stays readable.
    const [entry] = capture.entries();
    expect(entry).toMatchObject({ level: "error", user: { email: "ada@example.test" } });
    expect(text).toContain("db.internal:5432");
    expect(text).toContain("/reset-password?token=[redacted]");
  });

  it("adds the request's context to every line, through async calls", async () => {
    capture = captureLogs();
    await runWithRequestContext({ requestId: "req-123", route: "projects.create" }, async () => {
      setContextUser("user_1");
      await new Promise((resolve) => setTimeout(resolve, 1));
      setContextOrganization({ id: "org_1", slug: "acme" });
      await Promise.resolve().then(() => logger.info("created"));
    });
    logger.info("outside");
    expect(capture.entries()).toEqual([
      expect.objectContaining({
        msg: "created",
        requestId: "req-123",
        route: "projects.create",
        userId: "user_1",
        organizationId: "org_1",
        organizationSlug: "acme",
      }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });
});

describe("the development format", () => {
  it("prints one readable line with the context, and the stack below it", () => {
    const line = JSON.stringify({
      level: "error",
      time: "2026-01-02T03:04:05.678Z",
      requestId: "req-1",
      organizationSlug: "acme",
      err: { type: "Error", message: "boom", stack: "Error: boom\n    at here" },
      msg: "[action] unexpected error",
    });
    expect(prettyLine(line)).toBe(
      "03:04:05 ERROR [action] unexpected error  requestId=req-1 organizationSlug=acme\n  Error: boom\n    at here\n",
    );
  });
});
