import { test as base, expect, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import { AxeWatcher, ScannedPages } from "./axe-watch";
import { STEP_MS } from "./budget";

/**
 * Every spec imports `test` from here: each page a test opens is checked with axe, signed in
 * or out, in light and dark, and a serious or critical violation fails the test that saw it
 * first. A page (pageKey: host, path with ids replaced, signed in or not, error status) is
 * checked once per run, so the suite pays for each page once, not for each visit.
 */
type AxeFixtures = {
  axeWatcher: AxeWatcher;
  /**
   * Fails on a serious or critical violation on the page, checked even when another test has
   * checked the same page; `changed` for a state no navigation shows (a form's error).
   */
  expectNoAxeViolations: (page: Page, options?: { changed?: boolean }) => Promise<void>;
};

// `provide` is Playwright's `use`, named so React's hook lint rules leave it alone.
export const test = base.extend<AxeFixtures, { scannedPages: ScannedPages }>({
  scannedPages: [
    async ({}, provide, workerInfo) => {
      await provide(new ScannedPages(path.join(workerInfo.project.outputDir, ".axe-scanned")));
    },
    { scope: "worker" },
  ],

  axeWatcher: [
    async ({ browser, scannedPages }, provide) => {
      const watcher = new AxeWatcher(scannedPages);
      // Tests that need two people open their own contexts: watch those as well.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext.apply(browser, args);
        // axe runs in the page: a context without JavaScript is checked where others visit.
        if (args[0]?.javaScriptEnabled !== false) watcher.watchContext(context);
        return context;
      };
      try {
        await provide(watcher);
        await watcher.finish();
      } finally {
        browser.newContext = newContext;
      }
      expect(watcher.violations, violationMessage(watcher.violations)).toEqual([]);
    },
    // Its own time, beyond the test's: checks still running when the test ends finish here.
    { auto: true, timeout: 4 * STEP_MS },
  ],

  // Checked before it closes, while the test's last page is still there.
  context: [
    async ({ context, axeWatcher }, provide) => {
      axeWatcher.watchContext(context);
      await provide(context);
      await axeWatcher.finish();
    },
    { scope: "test", timeout: 4 * STEP_MS },
  ],

  expectNoAxeViolations: async ({ axeWatcher }, provide) => {
    await provide(async (page, options) => {
      const found = await axeWatcher.check(page, options);
      // Soft: the test goes on to its other pages and fails at the end with all of them.
      expect.soft(found, violationMessage(found)).toEqual([]);
    });
  },
});

function violationMessage(violations: string[]): string {
  return `Serious or critical accessibility violations (axe):\n${violations.join("\n")}\n`;
}

export { expect };
