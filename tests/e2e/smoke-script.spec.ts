import { execFile } from "node:child_process";
import { app, e2ePort } from "./support/app";
import { STEP_MS } from "./support/budget";
import { expect, test } from "./support/test";

// The post-deploy smoke script (`npm run smoke`, scripts/smoke.ts) against the production build:
// what it checks must hold on the real app, and a failure must reach its exit code. keel.test does
// not resolve outside Chromium, so the script connects to loopback with --resolve, as it would
// before a deployment's DNS is live.

function smoke(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      [
        "run",
        "--silent",
        "smoke",
        "--",
        app,
        "--resolve",
        "127.0.0.1",
        "--timeout",
        "5000",
        ...args,
      ],
      { timeout: STEP_MS },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

test("the smoke script passes every check against the production server", async () => {
  const { code, output } = await smoke();

  expect(output).toContain("all 6 checks passed");
  expect(output).toMatch(new RegExp(`404 on smoke-[0-9a-f]{16}\\.keel\\.test:${e2ePort}`));
  expect(code).toBe(0);
});

test("the smoke script exits non-zero when organizations are not where it is told", async () => {
  // Subdomains of localhost are not this server's organizations: it serves them the root app.
  const { code, output } = await smoke("--root-domain", `localhost:${e2ePort}`);

  expect(output).toMatch(/unknown organization → 404 +FAIL .*answered 200, the root app/);
  expect(output).toContain("1 of 6 checks failed");
  expect(code).toBe(1);
});
