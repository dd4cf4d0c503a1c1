import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { app, e2ePort, rootHost, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";

/**
 * Signed-in pages sit in the app's own frame (organization switcher, tabs, user menu; no
 * marketing footer), fit a 390 px phone, and the theme choice in the user menu is remembered
 * and painted from the first frame.
 */

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A browser of its own, signed up as the owner of a fresh organization on its projects page. */
async function ownerPage(browser: Browser, label: string, options: { width?: number } = {}) {
  const context = await browser.newContext({
    extraHTTPHeaders: clientIpHeaders(),
    ...(options.width ? { viewport: { width: options.width, height: 844 } } : {}),
  });
  const page = await context.newPage();
  const slug = `${label}-${tag()}`;
  const email = `${slug}@example.test`;
  await signUpWithOrganization(page, email, slug);
  return { page, slug, email };
}

const menuButton = (page: Page) => page.getByRole("button", { name: /^Account menu/ });
// The page's one popover: the user menu's panel.
const menuPanel = (page: Page) => page.locator("[popover]");
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });

test("an organization's pages have the app shell and a keyboard user menu that signs out", async ({
  browser,
}) => {
  budgetSteps(13);
  const { page, slug, email } = await ownerPage(browser, "shell");

  // The app's frame, not the marketing site's.
  await expect(page.getByRole("navigation", { name: "Organization" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Pricing" })).toHaveCount(0);

  // The organization switcher opens with Enter and closes with Escape, focus back on it.
  const switcher = page.locator("summary", { hasText: "Switch organization" });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const switcherList = page.getByText("Your organizations", { exact: true });
  await expect(switcherList).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(switcherList).toBeHidden();
  await expect(switcher).toBeFocused();

  // Keyboard: Enter opens, arrows walk the items, Escape closes and gives focus back.
  const button = menuButton(page);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await button.getAttribute("aria-controls")}`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Casey Tester");
  await expect(panel).toContainText(email);
  await page.keyboard.press("ArrowDown");
  await expect(panel.getByRole("link", { name: "Account" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(panel.getByRole("link", { name: "Organizations" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "System" })).toBeFocused();
  await expect(panel.getByRole("button", { name: "System" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  // The links lead to the account and back to the organizations.
  await page.keyboard.press("ArrowDown");
  await expect(panel.getByRole("link", { name: "Account" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${app}/account`);
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Account" })
    .getByRole("link", { name: "Organizations" })
    .click();
  await expect(page).toHaveURL(`${app}/organizations`);
  await expect(page.getByRole("link", { name: new RegExp(`Org ${slug}`) })).toBeVisible();

  // Sign out from the menu's last item, reached with the up arrow.
  await page.goto(`${tenantApp(slug)}/projects`);
  await menuButton(page).focus();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
  await page.goto(`${tenantApp(slug)}/projects`);
  await expect(page.getByRole("heading", { name: `Sign in to Org ${slug}` })).toBeVisible();
  await page.goto(`${app}/account`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.context().close();
});

test("the user menu opens and signs out without JavaScript", async ({ browser }) => {
  budgetSteps(9);
  const { page } = await ownerPage(browser, "nojs");
  const storageState = await page.context().storageState();
  await page.context().close();

  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const plain = await context.newPage();
  await plain.goto(`${app}/account`);
  await menuButton(plain).click();
  await menuPanel(plain).getByRole("button", { name: "Sign out" }).click();
  await expect(plain).toHaveURL(`${app}/`);
  await plain.goto(`${app}/account`);
  await expect(plain).toHaveURL(/\/sign-in\?callbackUrl=/);
  await context.close();
});

test("on a 390 px phone nothing scrolls sideways, every tab and the user menu are reachable", async ({
  browser,
}) => {
  budgetSteps(12);
  const { page, slug } = await ownerPage(browser, "phone", { width: 390 });

  for (const url of [
    `${tenantApp(slug)}/projects`,
    `${tenantApp(slug)}/members`,
    `${tenantApp(slug)}/settings/billing`,
    `${app}/account`,
    `${app}/organizations`,
  ]) {
    await page.goto(url);
    const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
    expect(scrollWidth, url).toBeLessThanOrEqual(clientWidth);
    await expect(menuButton(page), url).toBeInViewport({ ratio: 1 });
    if (url.startsWith(tenantApp(slug))) {
      const nav = page.getByRole("navigation", { name: "Organization" });
      for (const tab of ["Projects", "Members", "Settings", "API keys", "Audit log", "Billing"]) {
        await expect(nav.getByRole("link", { name: tab }), `${url}: ${tab}`).toBeInViewport({
          ratio: 1,
        });
      }
    }
  }

  // The open menu fits on the screen too.
  await page.goto(`${tenantApp(slug)}/projects`);
  await menuButton(page).click();
  const signOut = menuPanel(page).getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Dark" })).toBeInViewport({ ratio: 1 });
  const { scrollWidth, clientWidth } = await noHorizontalScroll(page);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.context().close();
});

/** What the page looked like in its first frame with a body: set before any page script runs. */
async function recordFirstFrame(page: Page) {
  await page.addInitScript(() => {
    const look = () => {
      if (!document.body) {
        requestAnimationFrame(look);
        return;
      }
      const w = window as { __firstFrame?: { theme: string | null; background: string } };
      w.__firstFrame ??= {
        theme: document.documentElement.getAttribute("data-theme"),
        background: getComputedStyle(document.body).backgroundColor,
      };
    };
    requestAnimationFrame(look);
  });
}

const firstFrame = (page: Page) =>
  page
    .waitForFunction(
      () =>
        (window as { __firstFrame?: { theme: string | null; background: string } }).__firstFrame,
    )
    .then((handle) => handle.jsonValue() as Promise<{ theme: string | null; background: string }>);

// Through a locator, which waits for the body of a page still arriving after a redirect.
const bodyBackground = (page: Page) =>
  page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);

/** Picks a theme in the user menu; the form post brings the page back with `data-theme` set. */
async function chooseTheme(page: Page, label: "System" | "Light" | "Dark") {
  await menuButton(page).click();
  await menuPanel(page).getByRole("button", { name: label }).click();
  const html = page.locator("html");
  if (label === "System") await expect(html).not.toHaveAttribute("data-theme", /./);
  else await expect(html).toHaveAttribute("data-theme", label.toLowerCase());
  await page.waitForLoadState("load");
}

test("a Dark choice is remembered on every host and painted from the first frame; System follows the device", async ({
  browser,
}) => {
  budgetSteps(16);
  const { page, slug } = await ownerPage(browser, "theme");
  await page.emulateMedia({ colorScheme: "light" });
  const light = await bodyBackground(page);

  await chooseTheme(page, "Dark");
  // Back on the page the choice was made on: the organization's home, where it opens.
  await expect(page).toHaveURL(`${tenantApp(slug)}/`);
  const dark = await bodyBackground(page);
  expect(dark).not.toBe(light);

  // After a reload, on the root host and on a static marketing page: dark from the first frame,
  // with the device set to light. The HTML carries the script in its head, allowed by the CSP.
  await recordFirstFrame(page);
  for (const url of [`${tenantApp(slug)}/projects`, `${app}/account`, `${app}/`]) {
    const response = await page.goto(url);
    const html = (await response?.text()) ?? "";
    const head = html.slice(0, html.indexOf("<body"));
    expect(head, url).toContain('setAttribute("data-theme"');
    expect(await firstFrame(page), url).toEqual({ theme: "dark", background: dark });
  }
  await page.goto(`${app}/account`);
  await menuButton(page).click();
  await expect(page.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");

  // Light wins over a dark device.
  await page.emulateMedia({ colorScheme: "dark" });
  await chooseTheme(page, "Light");
  await page.reload();
  expect(await firstFrame(page)).toEqual({ theme: "light", background: light });

  // System: no stored choice, and the page follows the device both ways.
  await chooseTheme(page, "System");
  await page.reload();
  expect(await firstFrame(page)).toEqual({ theme: null, background: dark });
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => bodyBackground(page)).toBe(light);
  const cookies = await page.context().cookies(app);
  expect(cookies.find((cookie) => cookie.name === "theme")).toBeUndefined();
  await page.context().close();
});

test("the theme endpoint takes only our three choices, and only from our own pages", async ({
  playwright,
}) => {
  const request = await playwright.request.newContext({ extraHTTPHeaders: clientIpHeaders() });
  // Node does not resolve keel.test: straight to the server, naming the host.
  const post = (theme: string, origin: string) =>
    request.post(`http://127.0.0.1:${e2ePort}/api/theme`, {
      form: { theme },
      headers: { host: rootHost, origin, referer: `${origin}/account` },
      maxRedirects: 0,
    });

  const refused = await post("blue", app);
  expect(refused.status()).toBe(400);
  expect(refused.headers()["set-cookie"]).toBeUndefined();

  const foreign = await post("dark", "http://evil.test");
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["set-cookie"]).toBeUndefined();

  const chosen = await post("dark", app);
  expect(chosen.status()).toBe(303);
  expect(chosen.headers().location).toBe(`${app}/account`);
  expect(chosen.headers()["set-cookie"]).toMatch(/(^|\n)theme=dark;/);
  await request.dispose();
});
