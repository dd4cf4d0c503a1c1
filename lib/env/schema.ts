import { z } from "zod";
// Relative: next.config.ts loads this file before the "@/" alias exists.
import { brand } from "../../brand.config";
import { sharedDomainWarning } from "./cookie-scope";

type Source = Record<string, string | undefined>;

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\/./.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname);
  } catch {
    return false;
  }
}

const deploymentHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+$/, "a host name without scheme or path")
  .optional();

const flag = z.enum(["0", "1", "true", "false"]).optional();

const variables = {
  NODE_ENV: {
    schema: z.enum(["development", "production", "test"]).default("development"),
    about: "Runtime mode, set by Next.js and the test runners.",
  },
  APP_URL: {
    schema: optionalUrl,
    about:
      "Public URL of the root host (marketing, sign-in), e.g. https://acme.example. Defaults to http://localhost:3000 outside production.",
  },
  ROOT_DOMAIN: {
    schema: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, "a host name with an optional port, without scheme")
      .optional(),
    about:
      "Domain whose subdomains are organizations (acme.<ROOT_DOMAIN>). Defaults to the host of APP_URL.",
  },
  DATABASE_URL: {
    schema: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "a postgresql:// connection string")
      .optional(),
    about:
      "PostgreSQL connection string. Unset in development: `npm run dev` starts an embedded database.",
  },
  DIRECT_URL: {
    schema: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "a postgresql:// connection string")
      .optional(),
    about:
      "Direct PostgreSQL connection for migrations when DATABASE_URL goes through a transaction pooler. Defaults to DATABASE_URL.",
  },
  DATABASE_REPLICA_URLS: {
    schema: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const urls = value.split(",").map((entry) => entry.trim());
        // Names the entry by position only: the URL may hold a password.
        const bad = urls.findIndex((url) => !isPostgresUrl(url));
        if (bad === -1) return urls;
        ctx.addIssue({
          code: "custom",
          message: `entry ${bad + 1} is not a postgresql:// connection string (separate replicas with commas)`,
        });
        return z.NEVER;
      })
      .optional(),
    about:
      "Read replicas of DATABASE_URL, comma-separated postgresql:// URLs (direct, not through a pooler). Optional: lag-tolerant reads (lists, the audit log, the console) go to them.",
  },
  DATABASE_POOL_SIZE: {
    schema: z.coerce.number().int().min(1).max(100).default(10),
    about: "Connections the app keeps open to PostgreSQL per server instance.",
  },
  TENANT_DATABASE_POOL_SIZE: {
    schema: z.coerce.number().int().min(1).max(20).default(2),
    about:
      'Connections per instance to each dedicated tenant database (README, "Hybrid tenancy"); idle ones close after 10 s.',
  },
  TENANT_DATABASE_MAX_OPEN: {
    schema: z.coerce.number().int().min(1).max(1000).default(20),
    about:
      "Dedicated tenant databases an instance keeps pools open to at once; the least recently used pool closes beyond it.",
  },
  DATABASE_CONNECT_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(120_000).default(10_000),
    about:
      "Longest wait for a database connection (opening one, or a free one in the pool). Past it the request answers 503.",
  },
  DATABASE_STATEMENT_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(600_000).default(10_000),
    about:
      "Longest a single SQL statement may run (PostgreSQL's statement_timeout; the client gives up 2 s later and drops the connection).",
  },
  DATABASE_TRANSACTION_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(600_000).default(15_000),
    about:
      "Longest an interactive transaction may stay open (Prisma's timeout; PostgreSQL's idle_in_transaction_session_timeout).",
  },
  KEEL_EMBEDDED_DB: {
    schema: flag,
    about:
      "Set by `npm run dev` and the test runners when DATABASE_URL points at the embedded database.",
  },
  AUTH_SECRET: {
    schema: z.string().min(32, "at least 32 characters (openssl rand -base64 32)").optional(),
    about: "Secret that signs and encrypts session data. Generate with `openssl rand -base64 32`.",
  },
  AUTH_GITHUB_ID: {
    schema: optionalString,
    about: "GitHub OAuth client id; hides GitHub sign-in when unset.",
  },
  AUTH_GITHUB_SECRET: { schema: optionalString, about: "GitHub OAuth client secret." },
  AUTH_GOOGLE_ID: {
    schema: optionalString,
    about: "Google OAuth client id; hides Google sign-in when unset.",
  },
  AUTH_GOOGLE_SECRET: { schema: optionalString, about: "Google OAuth client secret." },
  STRIPE_SECRET_KEY: {
    schema: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, "a Stripe secret key (sk_test_… or sk_live_…)")
      .optional(),
    about: "Stripe secret key. Unset in development: the local Stripe emulator is used.",
  },
  STRIPE_WEBHOOK_SECRET: {
    schema: z
      .string()
      .regex(/^whsec_/, "a webhook signing secret (whsec_…)")
      .optional(),
    about: "Signing secret of the webhook endpoint (Stripe dashboard or `stripe listen`).",
  },
  STRIPE_API_BASE: {
    schema: optionalUrl,
    about: "Base URL of the local Stripe emulator; set by `npm run dev`. Never in production.",
  },
  BILLING_GRACE_DAYS: {
    schema: z.coerce.number().int().min(0).max(60).default(7),
    about: "Days an organization with an unpaid invoice keeps working before it becomes read-only.",
  },
  REFERRAL_CREDIT_CENTS: {
    schema: z.coerce.number().int().min(0).max(1_000_000).default(2000),
    about:
      "Credit, in cents, put on the referrer's organization's Stripe balance when an organization that signed up through their link first pays. 0 turns credits off.",
  },
  UPSTASH_REDIS_REST_URL: {
    schema: optionalUrl,
    about: "Upstash Redis REST URL for rate limits. Unset: limits are kept in process memory.",
  },
  UPSTASH_REDIS_REST_TOKEN: { schema: optionalString, about: "Upstash Redis REST token." },
  RATE_LIMIT_SINGLE_INSTANCE: {
    schema: flag,
    about:
      "Set to 1 to run production without Upstash, with rate limits in process memory. Only true on exactly one long-lived server; refused on Vercel.",
  },
  TRUSTED_PROXY: {
    schema: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(vercel|cloudflare|none|[1-9]\d?)$/, "vercel, cloudflare, none or a number of hops")
      .optional(),
    about:
      "Which proxy's headers give the client IP: vercel (x-real-ip), cloudflare (cf-connecting-ip), N (the Nth X-Forwarded-For entry from the right, one per proxy you run) or none. Defaults to vercel on Vercel, none elsewhere.",
  },
  VERCEL: { schema: optionalString, about: "Set to 1 by Vercel on its builds and functions." },
  VERCEL_ENV: {
    schema: z.enum(["production", "preview", "development"]).optional(),
    about: "Set by Vercel: the environment of the deployment (production, preview or development).",
  },
  VERCEL_URL: {
    schema: deploymentHost,
    about: "Set by Vercel: the deployment's own host (<project>-<hash>-<team>.vercel.app).",
  },
  VERCEL_BRANCH_URL: {
    schema: deploymentHost,
    about:
      "Set by Vercel: the host of the branch's latest deployment (<project>-git-<branch>-<team>.vercel.app). A preview without APP_URL serves it as its root host.",
  },
  RESEND_API_KEY: {
    schema: optionalString,
    about: "Resend API key. Unset in development: emails go to the dev mailbox at /dev/mailbox.",
  },
  RESEND_BASE_URL: {
    schema: optionalUrl,
    about: "Override of Resend's API URL (tests point it at a local capture server).",
  },
  EMAIL_FROM: {
    schema: z.string().trim().min(3).optional(),
    about:
      'Sender of every email, e.g. "Acme <hello@mail.acme.example>" on a domain verified in Resend; a bare address gets brand.config.ts\'s sender name.',
  },
  CRON_SECRET: {
    schema: z.string().min(16, "at least 16 characters").optional(),
    about: "Bearer token that the scheduler sends to /api/cron/* routes (Vercel Cron sends it).",
  },
  QSTASH_TOKEN: {
    schema: optionalString,
    about:
      "Upstash QStash token. When set, /api/cron/qstash accepts QStash's signed calls and drains the job queue (see the README).",
  },
  QSTASH_CURRENT_SIGNING_KEY: {
    schema: optionalString,
    about: "QStash's current signing key, which verifies its calls. Required with QSTASH_TOKEN.",
  },
  QSTASH_NEXT_SIGNING_KEY: {
    schema: optionalString,
    about: "QStash's next signing key (used after a key rotation). Required with QSTASH_TOKEN.",
  },
  S3_ENDPOINT: {
    schema: optionalUrl,
    about:
      "S3-compatible endpoint for file uploads (R2: https://<account>.r2.cloudflarestorage.com, MinIO: its URL). Unset with S3_BUCKET set: AWS S3 in S3_REGION. Unset in development: `npm run dev` starts a local S3 server.",
  },
  S3_BUCKET: {
    schema: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "a bucket name (lowercase letters, digits, dots, hyphens)",
      )
      .optional(),
    about:
      "Bucket that holds avatars, organization logos and project attachments (private: files are served through short-lived signed links). Unset in production: uploads are off.",
  },
  S3_ACCESS_KEY_ID: { schema: optionalString, about: "Access key id for S3_BUCKET." },
  S3_SECRET_ACCESS_KEY: { schema: optionalString, about: "Secret access key for S3_BUCKET." },
  S3_REGION: {
    schema: z.string().trim().min(1).default("us-east-1"),
    about: 'Region of S3_BUCKET ("auto" on R2; MinIO accepts any).',
  },
  KEEL_LOCAL_S3: {
    schema: flag,
    about:
      "Set by `npm run dev` and the test runners when S3_ENDPOINT points at the local S3 server. Never in production.",
  },
  LOG_LEVEL: {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    about: "Lowest level written to the log (JSON lines on stdout in production).",
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    schema: optionalUrl,
    about:
      "OTLP/HTTP collector base URL (traces go to <url>/v1/traces). Unset, with OTEL_EXPORTER_OTLP_TRACES_ENDPOINT unset too: no traces are exported.",
  },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {
    schema: optionalUrl,
    about: "Full OTLP/HTTP traces URL; overrides OTEL_EXPORTER_OTLP_ENDPOINT for traces.",
  },
  OTEL_EXPORTER_OTLP_HEADERS: {
    schema: optionalString,
    about: "Headers sent to the collector, e.g. `x-honeycomb-team=…` (comma-separated key=value).",
  },
  OTEL_SERVICE_NAME: {
    schema: z.string().trim().min(1).default("keel"),
    about: "Service name on exported traces.",
  },
  SENTRY_DSN: {
    schema: optionalUrl,
    about: "Sentry project DSN. Unset: errors are only logged, nothing is sent.",
  },
  SENTRY_ENVIRONMENT: {
    schema: optionalString,
    about: "Environment name on Sentry events (defaults to NODE_ENV).",
  },
  METRICS_TOKEN: {
    schema: z.string().min(24, "at least 24 characters (openssl rand -hex 24)").optional(),
    about: "Bearer token Prometheus sends to /api/metrics. Unset: the endpoint answers 404.",
  },
  KEEL_MAILBOX_DIR: {
    schema: optionalString,
    about: "Folder of the dev mailbox. Defaults to .keel/mailbox.",
  },
  KEEL_E2E: {
    schema: flag,
    about:
      "Test-only: lets the production build use the embedded services for the end-to-end suite. Never set in a deployment.",
  },
  NEXT_PHASE: { schema: optionalString, about: "Set by Next.js while it builds." },
} satisfies Record<string, { schema: z.ZodType; about: string }>;

// A display name with RFC 5322 specials (as in "Acme, Inc.") must be quoted.
const quotedName = (name: string) =>
  /[()<>@,;:\\".[\]]/.test(name) ? `"${name.replace(/["\\]/g, "\\$&")}"` : name;

/** EMAIL_FROM as given when it names its sender; a bare address gets the brand's sender name. */
export function senderOf(from: string, name: string = brand.email.senderName): string {
  return from.includes("<") ? from : `${quotedName(name)} <${from}>`;
}

type Variables = typeof variables;
type Parsed = { [K in keyof Variables]: z.output<Variables[K]["schema"]> };

export type Env = Parsed & {
  isProduction: boolean;
  isBuild: boolean;
  appUrl: string;
  rootDomain: string;
  emailFrom: string;
  mailTransport: "resend" | "dev-mailbox";
  stripeMode: "live" | "emulator" | "off";
  storageMode: "s3" | "local" | "off";
  rateLimitStore: "upstash" | "memory";
  trustedProxy: TrustedProxy;
};

export type TrustedProxy =
  { kind: "vercel" } | { kind: "cloudflare" } | { kind: "none" } | { kind: "hops"; hops: number };

function trustedProxyOf(value: string | undefined, onVercel: boolean): TrustedProxy {
  const setting = value ?? (onVercel ? "vercel" : "none");
  if (setting === "vercel" || setting === "cloudflare" || setting === "none")
    return { kind: setting };
  return { kind: "hops", hops: Number(setting) };
}

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "See .env.example for every variable and what it does.",
    );
    this.name = "EnvError";
  }
}

function describe(name: keyof Variables, problem: string): string {
  return `${name}: ${problem}. ${variables[name].about}`;
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

const loopbackHost = /^(localhost|127\.0\.0\.1|\[::1\]|[a-z0-9.-]+\.localhost)$/i;

// The e2e suite runs on http://keel.test, and https on a loopback name is a local set-up.
function looksDeployed(vars: Parsed): boolean {
  if (truthy(vars.VERCEL)) return true;
  if (!vars.APP_URL) return false;
  const url = new URL(vars.APP_URL);
  return url.protocol === "https:" && !loopbackHost.test(url.hostname);
}

// A Vercel preview without APP_URL is served from its branch URL (else its own): each branch is
// its own root host, with host-only cookies (vercel.app is a public suffix) and no organizations.
function previewHostOf(vars: Parsed): string | undefined {
  if (vars.VERCEL_ENV !== "preview") return undefined;
  return vars.VERCEL_BRANCH_URL ?? vars.VERCEL_URL;
}

export function parseEnv(source: Source): Env {
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const name of Object.keys(variables) as (keyof Variables)[]) {
    const raw = source[name];
    const result = variables[name].schema.safeParse(raw === "" ? undefined : raw);
    if (result.success) parsed[name] = result.data;
    else problems.push(describe(name, result.error.issues[0]?.message ?? "invalid value"));
  }
  if (problems.length > 0) throw new EnvError(problems);
  const vars = parsed as Parsed;

  const isBuild = vars.NEXT_PHASE === "phase-production-build";
  // KEEL_E2E lifts every production guard below: only ever on a local test server.
  if (truthy(vars.KEEL_E2E) && looksDeployed(vars)) {
    problems.push(
      describe(
        "KEEL_E2E",
        "refused on a deployed server (VERCEL is set, or APP_URL is https on a host other than localhost, 127.0.0.1 or *.localhost)",
      ),
    );
  }
  const isProduction = vars.NODE_ENV === "production" && !truthy(vars.KEEL_E2E);

  const pairs: [keyof Variables, keyof Variables][] = [
    ["UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"],
    ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
  ];
  for (const [a, b] of pairs) {
    if (Boolean(vars[a]) !== Boolean(vars[b])) {
      const missing = vars[a] ? b : a;
      problems.push(describe(missing, `required together with ${missing === a ? b : a}`));
    }
  }
  if (vars.QSTASH_TOKEN && !(vars.QSTASH_CURRENT_SIGNING_KEY && vars.QSTASH_NEXT_SIGNING_KEY)) {
    problems.push(
      describe(
        vars.QSTASH_CURRENT_SIGNING_KEY ? "QSTASH_NEXT_SIGNING_KEY" : "QSTASH_CURRENT_SIGNING_KEY",
        "required when QSTASH_TOKEN is set",
      ),
    );
  }
  if (vars.S3_BUCKET && !vars.S3_ACCESS_KEY_ID) {
    problems.push(describe("S3_ACCESS_KEY_ID", "required when S3_BUCKET is set"));
  }
  if (vars.STRIPE_SECRET_KEY && !vars.STRIPE_WEBHOOK_SECRET && !isBuild) {
    problems.push(describe("STRIPE_WEBHOOK_SECRET", "required when STRIPE_SECRET_KEY is set"));
  }

  const previewHost = previewHostOf(vars);
  if (isProduction && !isBuild) {
    const required: (keyof Variables)[] = [
      "DATABASE_URL",
      ...(previewHost ? [] : (["APP_URL"] as const)),
      "AUTH_SECRET",
      "RESEND_API_KEY",
      "EMAIL_FROM",
      "CRON_SECRET",
    ];
    for (const name of required) {
      if (!vars[name]) problems.push(describe(name, "required in production"));
    }
    if (truthy(vars.KEEL_EMBEDDED_DB)) {
      problems.push(describe("KEEL_EMBEDDED_DB", "the embedded database is refused in production"));
    }
    if (vars.STRIPE_API_BASE) {
      problems.push(describe("STRIPE_API_BASE", "the Stripe emulator is refused in production"));
    }
    if (truthy(vars.KEEL_LOCAL_S3)) {
      problems.push(describe("KEEL_LOCAL_S3", "the local S3 server is refused in production"));
    }
    // In-memory limits are per instance, so only an explicit single-server setting allows them.
    if (!vars.UPSTASH_REDIS_REST_URL && !truthy(vars.RATE_LIMIT_SINGLE_INSTANCE)) {
      problems.push(
        describe(
          "UPSTASH_REDIS_REST_URL",
          "required in production (or RATE_LIMIT_SINGLE_INSTANCE=1 on a single long-lived server)",
        ),
      );
    }
    if (truthy(vars.RATE_LIMIT_SINGLE_INSTANCE) && truthy(vars.VERCEL)) {
      problems.push(
        describe(
          "RATE_LIMIT_SINGLE_INSTANCE",
          "refused on Vercel, whose functions are many instances",
        ),
      );
    }
  }
  if (problems.length > 0) throw new EnvError(problems);

  const fallbackUrl = previewHost ? `https://${previewHost}` : "http://localhost:3000";
  const appUrl = (vars.APP_URL ?? fallbackUrl).replace(/\/+$/, "");
  return {
    ...vars,
    isProduction,
    isBuild,
    appUrl,
    rootDomain: (vars.ROOT_DOMAIN ?? new URL(appUrl).host).toLowerCase(),
    emailFrom: senderOf(vars.EMAIL_FROM ?? brand.email.defaultAddress),
    mailTransport: vars.RESEND_API_KEY ? "resend" : "dev-mailbox",
    stripeMode: vars.STRIPE_SECRET_KEY ? "live" : vars.STRIPE_API_BASE ? "emulator" : "off",
    rateLimitStore: vars.UPSTASH_REDIS_REST_URL ? "upstash" : "memory",
    storageMode: !vars.S3_BUCKET ? "off" : truthy(vars.KEEL_LOCAL_S3) ? "local" : "s3",
    trustedProxy: trustedProxyOf(vars.TRUSTED_PROXY, truthy(vars.VERCEL)),
  };
}

export function envWarnings(e: Env): string[] {
  const warnings: string[] = [];
  if (e.isProduction && e.rateLimitStore === "memory") {
    warnings.push(
      "UPSTASH_REDIS_REST_URL is not set (RATE_LIMIT_SINGLE_INSTANCE=1): rate limits are kept in this process's memory. Run exactly one instance, or set up Upstash.",
    );
  }
  if (e.isProduction && e.trustedProxy.kind === "none") {
    warnings.push(
      "TRUSTED_PROXY is none: no header is trusted for the client IP, so per-IP rate limits count every client together and audit entries have no IP. Set TRUSTED_PROXY to your proxy (vercel, cloudflare or a number of hops).",
    );
  }
  const sharedDomain = sharedDomainWarning(e.appUrl, e.rootDomain);
  if (sharedDomain) warnings.push(sharedDomain);
  if (e.isProduction && e.storageMode === "off") {
    warnings.push("S3_BUCKET is not set: file uploads (avatars, logos, attachments) are off.");
  }
  if (e.isProduction && e.stripeMode === "off") {
    warnings.push("STRIPE_SECRET_KEY is not set: billing is disabled.");
  }
  return warnings;
}
