import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { STEP_MS } from "./support/budget";
import { expect, test } from "./support/test";

// Beside the e2e server's port, so side-by-side checkouts stay apart.
const startPort = Number(process.env.E2E_PORT || 3100) + 99;

// `next start` of the build the suite runs against, with a production environment that
// lacks the database: it must stop before serving anything, and say which variable is
// missing and what it is for.

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function startProduction(env: Record<string, string>) {
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(startPort)], {
    // Blank values win over .env files, so a developer's own .env cannot mask the check.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      DATABASE_URL: "",
      KEEL_E2E: "",
      KEEL_EMBEDDED_DB: "",
      STRIPE_API_BASE: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      RATE_LIMIT_SINGLE_INSTANCE: "",
      VERCEL: "",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, output: () => output };
}

test.describe.configure({ mode: "serial" });

test("next start without DATABASE_URL exits non-zero and names the variable", async () => {
  const server = startProduction({
    APP_URL: "https://example.com",
    AUTH_SECRET: "x".repeat(32),
    RESEND_API_KEY: "re_test",
    EMAIL_FROM: "Example <hello@example.com>",
    CRON_SECRET: "y".repeat(32),
  });
  const timeout = setTimeout(() => server.child.kill("SIGKILL"), STEP_MS * 3);

  const code = await server.exited;
  clearTimeout(timeout);

  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(server.output()).toMatch(/DATABASE_URL/);
});

test("next start refuses the embedded database in production", async () => {
  const server = startProduction({
    DATABASE_URL: "postgresql://postgres@127.0.0.1:55999/postgres",
    KEEL_EMBEDDED_DB: "1",
    APP_URL: "https://example.com",
    AUTH_SECRET: "x".repeat(32),
    RESEND_API_KEY: "re_test",
    EMAIL_FROM: "Example <hello@example.com>",
    CRON_SECRET: "y".repeat(32),
  });
  const timeout = setTimeout(() => server.child.kill("SIGKILL"), STEP_MS * 3);

  const code = await server.exited;
  clearTimeout(timeout);

  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(server.output()).toMatch(/KEEL_EMBEDDED_DB/);
});

test("next start refuses rate limits in process memory without the single-instance opt-out", async () => {
  const server = startProduction({
    DATABASE_URL: "postgresql://keel@127.0.0.1:1/keel",
    APP_URL: "https://example.com",
    AUTH_SECRET: "x".repeat(32),
    RESEND_API_KEY: "re_test",
    EMAIL_FROM: "Example <hello@example.com>",
    CRON_SECRET: "y".repeat(32),
  });
  const timeout = setTimeout(() => server.child.kill("SIGKILL"), 30_000);

  const code = await server.exited;
  clearTimeout(timeout);

  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(server.output()).toMatch(/UPSTASH_REDIS_REST_URL: required in production/);
});

test("the dev mailbox is a 404 in production", async ({ request }) => {
  const server = startProduction({
    // Never connected to: the page refuses before it reads anything.
    DATABASE_URL: "postgresql://keel@127.0.0.1:1/keel",
    RATE_LIMIT_SINGLE_INSTANCE: "1",
    APP_URL: "https://example.com",
    AUTH_SECRET: "x".repeat(32),
    RESEND_API_KEY: "re_test",
    EMAIL_FROM: "Example <hello@example.com>",
    CRON_SECRET: "y".repeat(32),
  });
  try {
    await expect
      .poll(
        () =>
          request.get(`http://127.0.0.1:${startPort}/`).then(
            (r) => r.status(),
            () => 0,
          ),
        {
          timeout: STEP_MS * 3,
        },
      )
      .toBe(200);

    const response = await request.get(`http://127.0.0.1:${startPort}/dev/mailbox`);

    expect(response.status()).toBe(404);
    const body = await response.text();
    expect(body).toContain("find that page");
    expect(body).not.toContain("Emails sent without a Resend key");
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});
