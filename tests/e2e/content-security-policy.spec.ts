import { expect, test, type Page } from "@playwright/test";
import { app, tenantApp } from "./support/app";
import { randomClientIp } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";

/**
 * The app works under its Content-Security-Policy (no violation reported on a static
 * marketing page, auth pages and an organization's pages), and the policy does its job:
 * a script injected into the page does not run.
 */

/** Console reports of CSP violations and uncaught errors from the moment of the call. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
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
  test.setTimeout(120_000);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `csp-${tag}`;
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-real-ip": randomClientIp() },
  });
  const page = await context.newPage();
  const problems = watch(page);

  // Static marketing page (prerendered: its scripts are allowed by hash), then auth pages.
  for (const path of ["/", "/pricing", "/sign-in", "/sign-up", "/forgot-password"]) {
    await page.goto(`${app}${path}`);
    await hydrated(page);
  }
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(`${app}/sign-in`);

  await signUpWithOrganization(page, `csp-${tag}@example.test`, slug);
  for (const path of ["/projects", "/projects/new", "/members", "/settings", "/settings/billing"]) {
    await page.goto(`${tenantApp(slug)}${path}`);
    await hydrated(page);
  }
  await page.goto(`${app}/no-such-page`);
  await hydrated(page);
  expect(problems).toEqual([]);

  for (const url of [`${app}/`, `${app}/sign-in`, `${tenantApp(slug)}/projects`]) {
    await page.goto(url);
    await hydrated(page);
    expect(await injectedScriptRuns(page), url).toBe(false);
  }
  await context.close();
});
