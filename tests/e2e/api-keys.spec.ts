import { e2ePort, stripeEmulator, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The public API end to end: an owner upgrades to a plan with API access, creates a key in
 * Settings → API keys and copies the secret; a script (Playwright's request context, with no
 * cookies) creates a project with it, and the project shows on the organization's page.
 */
test("an owner creates an API key, a script creates a project with it, the page shows it", async ({
  browser,
  playwright,
}) => {
  budgetSteps(24);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `apikeys-${tag}`;
  const org = tenantApp(slug);
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const page = await context.newPage();
  await signUpWithOrganization(page, `owner-${tag}@example.test`, slug);

  // On Free the page explains that keys need another plan.
  await page.goto(`${org}/settings/api-keys`);
  await expect(
    page.getByText("The JSON API is not included in your Free plan. Pro includes it."),
  ).toBeVisible();
  await page.getByRole("link", { name: "See plans and upgrade" }).click();
  await page.getByRole("button", { name: "Start 14-day Pro trial" }).click();
  await expect(page).toHaveURL(new RegExp(`^${stripeEmulator}/checkout/cs_`));
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(new RegExp(`^${org}/settings/billing\\?checkout=success`));

  await page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "API keys" })
    .click();
  await expect(page).toHaveURL(`${org}/settings/api-keys`);
  await page.getByLabel("Name").fill("Deploy script");
  await page.getByLabel(/projects:write/).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent()) ?? "";
  expect(secret).toMatch(/^keel_(live|test)_[0-9A-Za-z]{36}$/);

  // A script: its own request context, no cookies. keel.test resolves only inside Chromium,
  // so it calls the server by its plain address: the key, not the host, names the organization.
  const api = `http://localhost:${e2ePort}`;
  const script = await playwright.request.newContext();
  const created = await script.post(`${api}/api/v1/projects`, {
    headers: { authorization: `Bearer ${secret}`, "idempotency-key": `e2e-${tag}` },
    data: { name: `From CI ${tag}`, description: "Created by a script." },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["x-request-id"]).toBeTruthy();
  expect(created.headers()["access-control-allow-origin"]).toBe("*");
  const project = (await created.json()) as { id: string; name: string };
  expect(project.name).toBe(`From CI ${tag}`);
  const refused = await script.get(`${api}/api/v1/members`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  await script.dispose();

  await page.goto(`${org}/projects`);
  await expect(page.getByRole("link", { name: `From CI ${tag}` })).toBeVisible();

  // The key's row says it was used.
  await page.goto(`${org}/settings/api-keys`);
  const row = page.getByRole("row", { name: /Deploy script/ });
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never used");
  await context.close();
});
