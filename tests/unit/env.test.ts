import { describe, expect, it } from "vitest";
import { brand } from "@/brand.config";
import { EnvError, envWarnings, parseEnv, senderOf } from "@/lib/env/schema";

type Source = Record<string, string | undefined>;

/** Everything a real deployment must set, so each test can take one piece away. */
const production: Source = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://keel:secret@db.keel.example:5432/keel",
  APP_URL: "https://keel.example",
  AUTH_SECRET: "a".repeat(32),
  RESEND_API_KEY: "re_test_key",
  EMAIL_FROM: "Keel <hello@mail.keel.example>",
  CRON_SECRET: "c".repeat(24),
  UPSTASH_REDIS_REST_URL: "https://eu1-keel.upstash.io",
  UPSTASH_REDIS_REST_TOKEN: "token",
};

/** The problems parseEnv reports for `source`; fails the test when it accepts it. */
function problemsOf(source: Source): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("expected parseEnv to refuse the environment");
}

function problemFor(source: Source, name: string): string {
  const problem = problemsOf(source).find((p) => p.startsWith(`${name}:`));
  expect(problem, `a problem naming ${name}`).toBeDefined();
  return problem ?? "";
}

describe("parseEnv in development", () => {
  it("works with nothing set, on local defaults", () => {
    const env = parseEnv({});

    expect(env.NODE_ENV).toBe("development");
    expect(env.isProduction).toBe(false);
    expect(env.mailTransport).toBe("dev-mailbox");
    expect(env.stripeMode).toBe("off");
    expect(env.rateLimitStore).toBe("memory");
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(env.rootDomain).toBe("localhost:3000");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", STRIPE_SECRET_KEY: "" }).stripeMode).toBe("off");
  });

  it("switches to the real services when their variables are set", () => {
    const env = parseEnv({
      RESEND_API_KEY: "re_x",
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      UPSTASH_REDIS_REST_URL: "https://eu1-keel.upstash.io",
      UPSTASH_REDIS_REST_TOKEN: "token",
    });

    expect(env.mailTransport).toBe("resend");
    expect(env.stripeMode).toBe("live");
    expect(env.rateLimitStore).toBe("upstash");
  });
});

describe("parseEnv in production", () => {
  it("accepts a complete environment", () => {
    const env = parseEnv(production);

    expect(env.isProduction).toBe(true);
    expect(env.appUrl).toBe("https://keel.example");
    expect(env.rootDomain).toBe("keel.example");
  });

  it("refuses a missing DATABASE_URL, naming it and saying what it is for", () => {
    const source = { ...production, DATABASE_URL: undefined };
    expect(() => parseEnv(source)).toThrow(EnvError);

    expect(problemsOf(source)).toHaveLength(1);
    const problem = problemFor(source, "DATABASE_URL");
    expect(problem).toContain("required in production");
    expect(problem).toContain("PostgreSQL connection string");
    expect(() => parseEnv(source)).toThrow(/DATABASE_URL: required in production/);
  });

  it("lists every missing runtime secret at once", () => {
    const names = problemsOf({ NODE_ENV: "production" }).map((p) => p.split(":")[0]);

    expect(names).toEqual([
      "DATABASE_URL",
      "APP_URL",
      "AUTH_SECRET",
      "RESEND_API_KEY",
      "EMAIL_FROM",
      "CRON_SECRET",
      "UPSTASH_REDIS_REST_URL",
    ]);
  });

  it("refuses in-memory rate limits unless told it runs on one instance", () => {
    const withoutUpstash = {
      ...production,
      UPSTASH_REDIS_REST_URL: undefined,
      UPSTASH_REDIS_REST_TOKEN: undefined,
    };
    expect(problemFor(withoutUpstash, "UPSTASH_REDIS_REST_URL")).toContain(
      "RATE_LIMIT_SINGLE_INSTANCE=1",
    );

    const single = parseEnv({ ...withoutUpstash, RATE_LIMIT_SINGLE_INSTANCE: "1" });
    expect(single.rateLimitStore).toBe("memory");
    expect(envWarnings(single).some((w) => w.includes("RATE_LIMIT_SINGLE_INSTANCE"))).toBe(true);
  });

  it("refuses the single-instance opt-out on Vercel", () => {
    const source = {
      ...production,
      UPSTASH_REDIS_REST_URL: undefined,
      UPSTASH_REDIS_REST_TOKEN: undefined,
      RATE_LIMIT_SINGLE_INSTANCE: "1",
      VERCEL: "1",
    };
    expect(problemFor(source, "RATE_LIMIT_SINGLE_INSTANCE")).toContain("refused on Vercel");
  });

  it("refuses the embedded database", () => {
    const problem = problemFor({ ...production, KEEL_EMBEDDED_DB: "1" }, "KEEL_EMBEDDED_DB");
    expect(problem).toContain("refused in production");
  });

  it("refuses the Stripe emulator", () => {
    const source = { ...production, STRIPE_API_BASE: "http://127.0.0.1:12111" };
    expect(problemFor(source, "STRIPE_API_BASE")).toContain("refused in production");
  });

  it("refuses the local S3 server", () => {
    const source = {
      ...production,
      S3_ENDPOINT: "http://127.0.0.1:4569",
      S3_BUCKET: "uploads",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      KEEL_LOCAL_S3: "1",
    };
    expect(problemFor(source, "KEEL_LOCAL_S3")).toContain("refused in production");
  });

  it("uses a real bucket when one is configured, and turns uploads off without one", () => {
    const configured = parseEnv({
      ...production,
      S3_BUCKET: "acme-uploads",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(configured.storageMode).toBe("s3");
    const off = parseEnv(production);
    expect(off.storageMode).toBe("off");
    expect(envWarnings(off).join("\n")).toContain("S3_BUCKET is not set");
  });

  it("needs credentials with a bucket", () => {
    expect(problemFor({ ...production, S3_BUCKET: "acme-uploads" }, "S3_ACCESS_KEY_ID")).toContain(
      "required when S3_BUCKET is set",
    );
  });

  it("does not require runtime secrets while `next build` runs", () => {
    const env = parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });

    expect(env.isBuild).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("lets the end-to-end suite run the production build on local defaults", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      KEEL_E2E: "1",
      KEEL_EMBEDDED_DB: "1",
      DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:55432/postgres",
    });

    expect(env.NODE_ENV).toBe("production");
    expect(env.isProduction).toBe(false);
    expect(env.mailTransport).toBe("dev-mailbox");
    expect(env.appUrl).toBe("http://localhost:3000");
  });

  // KEEL_E2E switches every production guard off: a deployment must never run with it.
  it.each([
    ["on Vercel", { VERCEL: "1", APP_URL: "http://keel.test:3100" }],
    ["behind an https APP_URL on a public host", { APP_URL: "https://keel.example" }],
    ["behind an https APP_URL on a subdomain of one", { APP_URL: "https://app.keel.example" }],
  ])("refuses the end-to-end switch %s", (_where, deployed) => {
    const source = { ...production, ...deployed, KEEL_E2E: "1" };
    expect(problemFor(source, "KEEL_E2E")).toContain("refused on a deployed server");
    // Whatever else is set, NODE_ENV included.
    expect(problemFor({ ...source, NODE_ENV: "development" }, "KEEL_E2E")).toContain(
      "refused on a deployed server",
    );
  });

  it.each([
    "http://keel.test:3100",
    "http://localhost:3000",
    "https://localhost:3000",
    "https://127.0.0.1:8443",
    "https://acme.localhost",
  ])("allows the end-to-end switch on a local APP_URL (%s)", (appUrl) => {
    const env = parseEnv({ NODE_ENV: "production", KEEL_E2E: "1", APP_URL: appUrl });
    expect(env.isProduction).toBe(false);
  });
});

describe("parseEnv with malformed values", () => {
  it.each([
    ["DATABASE_URL", "mysql://root@localhost/keel", "postgresql://"],
    ["STRIPE_SECRET_KEY", "pk_test_x", "Stripe secret key"],
    ["AUTH_SECRET", "too-short", "at least 32 characters"],
    ["APP_URL", "not a url", "APP_URL"],
    ["CRON_SECRET", "short", "at least 16 characters"],
    ["DATABASE_POOL_SIZE", "0", "DATABASE_POOL_SIZE"],
  ])("names %s", (name, value, expected) => {
    expect(problemFor({ [name]: value }, name)).toContain(expected);
  });

  it("reports every malformed value in one error", () => {
    const names = problemsOf({
      DATABASE_URL: "mysql://root@localhost/keel",
      STRIPE_SECRET_KEY: "pk_test_x",
      AUTH_SECRET: "too-short",
      APP_URL: "not a url",
    }).map((p) => p.split(":")[0]);

    expect(names.sort()).toEqual(["APP_URL", "AUTH_SECRET", "DATABASE_URL", "STRIPE_SECRET_KEY"]);
  });

  it("reads replica URLs as a list, and refuses an entry that is not one, without echoing it", () => {
    const urls = " postgresql://r1.keel.example/keel , postgres://r2.keel.example/keel";
    expect(parseEnv({ DATABASE_REPLICA_URLS: urls }).DATABASE_REPLICA_URLS).toEqual([
      "postgresql://r1.keel.example/keel",
      "postgres://r2.keel.example/keel",
    ]);
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toBeUndefined();
    const secret = "mysql://root:hunter2@r2.keel.example/keel";
    const problem = problemFor(
      { DATABASE_REPLICA_URLS: `postgresql://r1.keel.example/keel,${secret}` },
      "DATABASE_REPLICA_URLS",
    );
    expect(problem).toContain("entry 2 is not a postgresql:// connection string");
    expect(problem).not.toContain("hunter2");
    expect(
      problemFor({ DATABASE_REPLICA_URLS: "postgresql://r1/keel,," }, "DATABASE_REPLICA_URLS"),
    ).toContain("entry 2");
  });

  it("never echoes the rejected value back", () => {
    const secret = "pk_live_do_not_print_me";
    expect(problemFor({ STRIPE_SECRET_KEY: secret }, "STRIPE_SECRET_KEY")).not.toContain(secret);
  });
});

describe("parseEnv with variables that go together", () => {
  it("refuses an Upstash URL without its token", () => {
    const source = { UPSTASH_REDIS_REST_URL: "https://eu1-keel.upstash.io" };
    expect(problemFor(source, "UPSTASH_REDIS_REST_TOKEN")).toContain(
      "required together with UPSTASH_REDIS_REST_URL",
    );
  });

  it("refuses an Upstash token without its URL", () => {
    const source = { UPSTASH_REDIS_REST_TOKEN: "token" };
    expect(problemFor(source, "UPSTASH_REDIS_REST_URL")).toContain(
      "required together with UPSTASH_REDIS_REST_TOKEN",
    );
  });

  it("refuses an OAuth client id without its secret", () => {
    expect(problemFor({ AUTH_GITHUB_ID: "gh-id" }, "AUTH_GITHUB_SECRET")).toContain(
      "required together with AUTH_GITHUB_ID",
    );
  });

  it("requires both QStash signing keys with a QStash token", () => {
    expect(problemFor({ QSTASH_TOKEN: "qstash" }, "QSTASH_CURRENT_SIGNING_KEY")).toContain(
      "required when QSTASH_TOKEN is set",
    );
    expect(
      problemFor(
        { QSTASH_TOKEN: "qstash", QSTASH_CURRENT_SIGNING_KEY: "sig_current" },
        "QSTASH_NEXT_SIGNING_KEY",
      ),
    ).toContain("required when QSTASH_TOKEN is set");
    const complete = {
      QSTASH_TOKEN: "qstash",
      QSTASH_CURRENT_SIGNING_KEY: "sig_current",
      QSTASH_NEXT_SIGNING_KEY: "sig_next",
    };
    expect(parseEnv(complete).QSTASH_TOKEN).toBe("qstash");
  });

  it("requires the webhook secret with a Stripe key, except while building", () => {
    expect(problemFor({ STRIPE_SECRET_KEY: "sk_test_x" }, "STRIPE_WEBHOOK_SECRET")).toContain(
      "required when STRIPE_SECRET_KEY is set",
    );
    const build = { STRIPE_SECRET_KEY: "sk_test_x", NEXT_PHASE: "phase-production-build" };
    expect(parseEnv(build).stripeMode).toBe("live");
  });
});

describe("TRUSTED_PROXY", () => {
  it("trusts no header by default, and Vercel's on Vercel", () => {
    expect(parseEnv({}).trustedProxy).toEqual({ kind: "none" });
    expect(parseEnv({ VERCEL: "1" }).trustedProxy).toEqual({ kind: "vercel" });
    expect(parseEnv({ VERCEL: "1", TRUSTED_PROXY: "none" }).trustedProxy).toEqual({
      kind: "none",
    });
  });

  it("takes cloudflare or a number of hops", () => {
    expect(parseEnv({ TRUSTED_PROXY: "cloudflare" }).trustedProxy).toEqual({ kind: "cloudflare" });
    expect(parseEnv({ TRUSTED_PROXY: "2" }).trustedProxy).toEqual({ kind: "hops", hops: 2 });
  });

  it.each(["0", "-1", "true", "x-forwarded-for", "1.5"])("refuses %j", (value) => {
    expect(problemFor({ TRUSTED_PROXY: value }, "TRUSTED_PROXY")).toContain("number of hops");
  });
});

describe("envWarnings", () => {
  it("warns that production rate limits are kept in memory with the single-instance opt-out", () => {
    const warnings = envWarnings(
      parseEnv({
        ...production,
        UPSTASH_REDIS_REST_URL: undefined,
        UPSTASH_REDIS_REST_TOKEN: undefined,
        RATE_LIMIT_SINGLE_INSTANCE: "1",
      }),
    );
    expect(warnings.some((w) => w.includes("UPSTASH_REDIS_REST_URL") && /memory/.test(w))).toBe(
      true,
    );
  });

  it("does not warn about rate limits when Upstash is configured", () => {
    expect(envWarnings(parseEnv(production)).some((w) => w.includes("UPSTASH"))).toBe(false);
  });

  it("warns in production when no proxy is trusted for the client IP", () => {
    expect(envWarnings(parseEnv(production)).some((w) => w.startsWith("TRUSTED_PROXY"))).toBe(true);
    const behindVercel = parseEnv({ ...production, VERCEL: "1" });
    expect(envWarnings(behindVercel).some((w) => w.startsWith("TRUSTED_PROXY"))).toBe(false);
  });

  it("warns when organizations share the company's domain with the app on a subdomain", () => {
    const shared = parseEnv({
      ...production,
      APP_URL: "https://app.acme.com",
      ROOT_DOMAIN: "acme.com",
      TRUSTED_PROXY: "1",
    });
    expect(envWarnings(shared).filter((w) => w.startsWith("ROOT_DOMAIN"))).toEqual([
      expect.stringContaining("ROOT_DOMAIN is acme.com"),
    ]);
    const dedicated = parseEnv({
      ...production,
      APP_URL: "https://app.acme.com",
      TRUSTED_PROXY: "1",
    });
    expect(envWarnings(dedicated).filter((w) => w.startsWith("ROOT_DOMAIN"))).toEqual([]);
  });

  it("stays quiet in development", () => {
    expect(envWarnings(parseEnv({}))).toEqual([]);
  });
});

describe("on a Vercel preview deployment", () => {
  const preview: Source = {
    ...production,
    APP_URL: undefined,
    VERCEL: "1",
    VERCEL_ENV: "preview",
    VERCEL_URL: "keel-abc123-team.vercel.app",
    VERCEL_BRANCH_URL: "keel-git-feature-x-team.vercel.app",
  };

  it("serves the branch URL as the root host when APP_URL is not set", () => {
    const env = parseEnv(preview);
    expect(env.appUrl).toBe("https://keel-git-feature-x-team.vercel.app");
    expect(env.rootDomain).toBe("keel-git-feature-x-team.vercel.app");
  });

  it("falls back to the deployment URL without a branch URL", () => {
    const env = parseEnv({ ...preview, VERCEL_BRANCH_URL: undefined });
    expect(env.appUrl).toBe("https://keel-abc123-team.vercel.app");
  });

  it("keeps an APP_URL set for previews (a custom preview domain)", () => {
    const env = parseEnv({
      ...preview,
      APP_URL: "https://preview.keel-staging.app",
    });
    expect(env.appUrl).toBe("https://preview.keel-staging.app");
    expect(env.rootDomain).toBe("preview.keel-staging.app");
  });

  it("still requires APP_URL in production and on hosts that are not previews", () => {
    expect(problemFor({ ...preview, VERCEL_ENV: "production" }, "APP_URL")).toContain(
      "required in production",
    );
    expect(problemFor({ ...preview, VERCEL_ENV: undefined }, "APP_URL")).toContain(
      "required in production",
    );
  });

  it("refuses a VERCEL_BRANCH_URL that is not a host name", () => {
    expect(
      problemFor({ ...preview, VERCEL_BRANCH_URL: "https://x/y" }, "VERCEL_BRANCH_URL"),
    ).toBeTruthy();
  });
});

describe("the email sender", () => {
  it("is the brand's name and default address when EMAIL_FROM is unset", () => {
    expect(parseEnv({}).emailFrom).toBe(
      `${brand.email.senderName} <${brand.email.defaultAddress}>`,
    );
  });

  it("keeps an EMAIL_FROM that names its sender, and names a bare address after the brand", () => {
    expect(parseEnv({ EMAIL_FROM: "Acme <hello@mail.acme.example>" }).emailFrom).toBe(
      "Acme <hello@mail.acme.example>",
    );
    expect(parseEnv({ EMAIL_FROM: "hello@mail.acme.example" }).emailFrom).toBe(
      `${brand.email.senderName} <hello@mail.acme.example>`,
    );
  });

  it("quotes a sender name a mail header would otherwise split", () => {
    expect(senderOf("hi@acme.example", "Acme, Inc.")).toBe('"Acme, Inc." <hi@acme.example>');
    expect(senderOf("hi@acme.example", 'The "Best" App')).toBe(
      '"The \\"Best\\" App" <hi@acme.example>',
    );
  });
});
