import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Run before `playwright test` so `npm test` works on a fresh machine: uses the
 * Chromium playwright.config.ts would pick, and downloads Playwright's own only
 * when there is none.
 */

const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;

if (configured) {
  if (!existsSync(configured)) {
    console.error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH points at a missing file: ${configured}`);
    process.exit(1);
  }
  console.log(`e2e browser: ${configured} (PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH)`);
} else if (existsSync("/usr/bin/chromium")) {
  console.log("e2e browser: /usr/bin/chromium (system)");
} else {
  console.log("e2e browser: Playwright's Chromium (installed now if missing)");
  // Returns at once when that Chromium is already downloaded.
  const install = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  process.exit(install.status ?? 1);
}
