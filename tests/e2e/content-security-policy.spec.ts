import type { Page } from "@playwright/test";
import { app, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The app works under its Content-Security-Policy (no violation reported on a static
 * marketing page, auth pages and an organization's pages), and the policy does its job:
 * a script injected into the page does not run.
 */

/**
 * Console reports of CSP violations and uncaught errors, except while `expected` runs
 * (the injection attempts below are meant to be reported).
 */
function watch(page: Page) {
  const problems: string[] = [];
  let paused = false;
  const note = (text: string) => {
    if (!paused) problems.push(text);
  };
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) note(message.text());
  });
  page.on("pageerror", (error) => note(error.message));
  return {
    problems,
    async expected<T>(run: () => Promise<T>): Promise<T> {
      paused = true;
      try {
        return await run();
      } finally {
        // Reports are asynchronous: let the ones of the attempt arrive while paused.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        paused = false;
      }
    },
  };
}

/** Waits until Next.js has started on the page (its scripts ran). */
async function hydrated(page: Page) {
  await page.waitForFunction(() =>
    Boolean((window as { next?: { version?: string } }).next?.version),
  );
}

/** Tries to run an inline script the way an injection would; true if it ran. */
function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
    return (window as { __injected?: boolean }).__injected === true;
  });
}

test("pages run under the CSP without a violation, and injected inline script is blocked", async ({
  browser,
}) => {
  budgetSteps(24);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `csp-${tag}`;
  const context = await browser.newContext({
    extraHTTPHeaders: clientIpHeaders(),
  });
  const page = await context.newPage();
  const watcher = watch(page);
  const injectionBlocked = async (url: string) => {
    expect(await watcher.expected(() => injectedScriptRuns(page)), url).toBe(false);
  };

  // Static marketing pages (prerendered: their scripts are allowed by hash), then auth pages.
  // The landing page has no script of its own to wait for (pages/index.tsx).
  for (const path of ["/", "/pricing", "/sign-in", "/sign-up", "/forgot-password"]) {
    await page.goto(`${app}${path}`);
    if (path !== "/") await hydrated(page);
    if (path === "/" || path === "/sign-in") await injectionBlocked(path);
  }
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(`${app}/sign-in`);

  await signUpWithOrganization(page, `csp-${tag}@example.test`, slug);
  for (const path of [
    "/",
    "/projects",
    "/projects/new",
    "/members",
    "/settings",
    "/settings/billing",
  ]) {
    await page.goto(`${tenantApp(slug)}${path}`);
    await hydrated(page);
  }
  await injectionBlocked(`${slug}/settings/billing`);
  await page.goto(`${app}/no-such-page`);
  await hydrated(page);
  expect(watcher.problems).toEqual([]);
  await context.close();
});
