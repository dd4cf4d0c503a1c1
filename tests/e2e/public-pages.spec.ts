import { app, e2ePort, rootHost, tenantApp } from "./support/app";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The public side as a visitor, a crawler and a link preview see it: the legal templates,
 * robots.txt and the sitemap (and none for an organization), the Open Graph images, and the
 * not-found pages of the site and of an organization's project.
 */

// Node does not resolve keel.test (Chromium maps it): call loopback with the Host header.
const direct = `http://127.0.0.1:${e2ePort}`;

test("the terms and the privacy policy are linked from sign-up and the footer, marked as templates", async ({
  page,
}) => {
  // Prerendered pages run their scripts under the CSP's hashes: no violation, no error.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${app}/sign-up`);
  const card = page.getByRole("region", { name: "Create your account" });
  await card.getByRole("link", { name: "Terms of service" }).click();
  await expect(page).toHaveURL(`${app}/terms`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terms of service");
  await expect(page.getByRole("complementary")).toContainText(
    "Template: adapt it before you launch",
  );
  await expect(page.getByRole("heading", { name: /Plans, payment and billing/ })).toBeVisible();

  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy policy" }).click();
  await expect(page).toHaveURL(`${app}/privacy`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy policy");
  await expect(page.getByRole("complementary")).toContainText("Template");
  const main = page.getByRole("main");
  await expect(main).toContainText("IP address and user agent");
  await expect(main).toContainText("Free: 90 days, Pro: 1 year, Business: 7 years");
  await expect(main.getByRole("link", { name: "support@keel.dev" }).first()).toHaveAttribute(
    "href",
    "mailto:support@keel.dev",
  );
  await page.waitForFunction(() =>
    Boolean((window as { next?: { version?: string } }).next?.version),
  );
  expect(problems).toEqual([]);
});

test("crawlers get the root host's public pages, and nothing of an organization", async ({
  request,
}) => {
  const robots = await request.get(`${direct}/robots.txt`, { headers: { host: rootHost } });
  expect(robots.status()).toBe(200);
  const rules = await robots.text();
  for (const line of ["Allow: /", "Disallow: /api/", "Disallow: /account", "Disallow: /admin"]) {
    expect(rules).toContain(`${line}\n`);
  }
  // The running server's APP_URL, not the build's.
  expect(rules).toContain(`Sitemap: ${app}/sitemap.xml`);

  const sitemap = await request.get(`${direct}/sitemap.xml`, { headers: { host: rootHost } });
  expect(sitemap.status()).toBe(200);
  const locations = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locations).toEqual(
    ["", "/pricing", "/docs/api", "/terms", "/privacy", "/sign-in", "/sign-up"].map(
      (path) => `${app}${path}`,
    ),
  );

  const tenantHost = `acme.${rootHost}`;
  const tenantRobots = await request.get(`${direct}/robots.txt`, { headers: { host: tenantHost } });
  expect(tenantRobots.status()).toBe(200);
  expect((await tenantRobots.text()).trim().split("\n")).toEqual(["User-Agent: *", "Disallow: /"]);
  const tenantSitemap = await request.get(`${direct}/sitemap.xml`, {
    headers: { host: tenantHost },
  });
  expect(tenantSitemap.status()).toBe(404);
});

test("the landing and pricing pages point link previews at PNG images that load", async ({
  page,
  request,
}) => {
  for (const path of ["/", "/pricing"]) {
    await page.goto(`${app}${path}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image, path).toMatch(/^https?:\/\//);
    const { pathname, search } = new URL(image ?? "");
    // Next.js suffixes the file of a route group's image with a hash of the group.
    expect(pathname, path).toMatch(
      path === "/" ? /^\/opengraph-image(-\w+)?$/ : /^\/pricing\/opengraph-image(-\w+)?$/,
    );
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      "content",
      "summary_large_image",
    );
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute(
      "content",
      "1200",
    );
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute(
      "content",
      "630",
    );
    const response = await request.get(`${direct}${pathname}${search}`, {
      headers: { host: rootHost },
    });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe("image/png");
    // A PNG's signature.
    expect((await response.body()).subarray(1, 4).toString(), path).toBe("PNG");
  }
});

test("an unknown page and an unknown organization answer 404 with a way home", async ({ page }) => {
  const response = await page.goto(`${app}/no-such-page`);
  expect(response?.status()).toBe(404);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
  await expect(main.getByRole("link", { name: "Back to the home page" })).toHaveAttribute(
    "href",
    "/",
  );

  await page.goto(tenantApp(`nobody-${Date.now().toString(36)}`));
  const organizationMain = page.getByRole("main");
  await expect(organizationMain.getByRole("heading", { level: 1 })).toHaveText(
    "No organization at this address",
  );
  await organizationMain.getByRole("link", { name: /home page/ }).click();
  await expect(page).toHaveURL(`${app}/`);
});

test("a missing project says the project is missing, inside the organization's pages", async ({
  browser,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const page = await context.newPage();
  const slug = `pp-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await signUpWithOrganization(page, `${slug}@example.test`, slug);

  const response = await page.goto(`${tenantApp(slug)}/projects/cm0000000000000000000none`);
  expect(response?.status()).toBe(404);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("This project doesn’t exist");
  await expect(main).not.toContainText("No organization at this address");
  // Still inside the organization: its navigation, and a way back to its projects.
  await expect(page.getByRole("link", { name: "Members", exact: true }).first()).toBeVisible();
  await main.getByRole("link", { name: "Back to projects" }).click();
  await expect(page).toHaveURL(`${tenantApp(slug)}/projects`);
  await context.close();
});

test("the landing page reads on a phone: nothing scrolls sideways, and it is a few screens, not eight", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${app}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(size.width).toBeLessThanOrEqual(390);
  // It was 6,362 px (7.5 screens): the terminal repeated the steps and every card kept its
  // desktop padding. Each feature is still there, with its sentence.
  expect(size.height).toBeLessThanOrEqual(5_400);
  await expect(page.getByRole("heading", { level: 3, name: "Tenant isolation" })).toBeVisible();
});

test("the landing page loads no script, and its menu and links work without one", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${app}/`, { waitUntil: "load" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(scripts).toEqual([]);

  // The phone menu is a native disclosure: the keyboard opens it.
  await page.locator("summary", { hasText: "Menu" }).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await expect(menu).toBeVisible();
  await menu.getByRole("link", { name: "Pricing" }).click();
  await expect(page).toHaveURL(`${app}/pricing`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
