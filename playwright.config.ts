import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { DEFAULT_TEST_MS, STEP_MS } from "./tests/e2e/support/budget";

/**
 * End-to-end suite: the production build (`next build` + `next start`) on the
 * embedded database and dev mailbox, started by scripts/e2e-server.ts.
 */

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

// A system Chromium avoids a ~150 MB download where one is installed (CI images, Debian).
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ||
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes on a second try is a bug we want to see.
  retries: 0,
  workers: 2,
  // Budgets fit a busy two-core machine (see tests/e2e/support/budget.ts): a test gets
  // six steps unless it asks for more, and one assertion may wait as long as one step.
  timeout: DEFAULT_TEST_MS,
  expect: { timeout: STEP_MS },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          // Containers and CI runners: no sandbox or GPU, a small /dev/shm, and no
          // background traffic to Google services that would slow or flake the run.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            // keel.test and its subdomains are the app (see scripts/e2e-server.ts).
            "--host-resolver-rules=MAP *.keel.test 127.0.0.1, MAP keel.test 127.0.0.1",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // Includes `next build`, which a busy two-core machine can take several minutes over.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM instead of the default SIGKILL lets the script stop the database and
    // remove its temporary mailbox.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
