import type { Browser, Page } from "@playwright/test";
import { currentTotp } from "../../lib/auth/two-factor/totp";
import { formatValue, metricSeries } from "../../lib/metrics/series";
import { expectedMonths, metricsFixture } from "../support/metrics-fixture";
import { app, tenantApp } from "./support/app";
import { budgetSteps, STEP_MS } from "./support/budget";
import { e2eMetricsFixturePrefix, e2eQuery, sqlText } from "./support/database";
import { clientIpHeaders, mailedLink } from "./support/mailbox";
import { password, signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The operator console in the browser: a staff member signs in with 2FA, opens a user's page,
 * views the app as them (banner on every page, on the organization's subdomain too), is refused
 * a billing change, stops, and is back in the console; the metrics page shows the hand-computed
 * fixture. The console is on the root host only and answers 404 to everyone but staff.
 */

const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  return context.newPage();
}

async function signUp(page: Page, name: string, email: string) {
  await page.goto(`${app}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(`${app}/organizations?verified=1`);
}

/** `npm run staff -- grant`, on the suite's database: no page can make someone staff. */
async function grantStaff(email: string) {
  await expect(async () => {
    await e2eQuery(`UPDATE "User" SET "staffSince" = now() WHERE "email" = ${sqlText(email)}`);
    const [row] = await e2eQuery<{ staff: boolean }>(
      `SELECT "staffSince" IS NOT NULL AS staff FROM "User" WHERE "email" = ${sqlText(email)}`,
    );
    expect(row?.staff).toBe(true);
  }).toPass({ timeout: STEP_MS });
}

async function userId(email: string): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(
    `SELECT "id" FROM "User" WHERE "email" = ${sqlText(email)}`,
  );
  if (!row) throw new Error(`No user ${email}`);
  return row.id;
}

const banner = (page: Page) => page.getByRole("region", { name: "Viewing as a customer" });

test("staff with 2FA views the app as a customer, is refused a billing change, and stops", async ({
  browser,
}) => {
  budgetSteps(40);
  // The customer: an owner of an organization on the Free plan.
  const customerEmail = uniqueEmail("customer");
  const slug = `viewed-${Date.now().toString(36)}`;
  const customer = await newPage(browser);
  await signUpWithOrganization(customer, customerEmail, slug);
  await customer.context().close();

  // A new account is no staff member: the console is not there for it.
  const staffEmail = uniqueEmail("staff");
  const page = await newPage(browser);
  await signUp(page, "Sam Support", staffEmail);
  expect((await page.goto(`${app}/admin`))?.status()).toBe(404);

  // Made staff, it is asked for 2FA first, and turns it on from the account page.
  await grantStaff(staffEmail);
  await page.goto(`${app}/admin`);
  await expect(page).toHaveURL(`${app}/admin/two-factor-required`);
  await page.getByRole("link", { name: "Go to your account settings" }).click();
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await page.getByTestId("manual-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(currentTotp(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(
    page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem"),
  ).toHaveCount(10);

  // Signs in again, with a code.
  await page.getByRole("button", { name: "Sign out" }).last().click();
  await expect(page).toHaveURL(`${app}/`);
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(staffEmail);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Code", { exact: true }).fill(currentTotp(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`${app}/organizations`);

  // Finds the customer by email, and opens their page: "View as this user", with a reason.
  const customerId = await userId(customerEmail);
  await page.goto(`${app}/admin/users`);
  await page.getByLabel("Search users by email, name or id").fill(customerEmail);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: customerEmail, exact: true }).click();
  await expect(page).toHaveURL(`${app}/admin/users/${customerId}`);
  const viewAs = page.getByRole("region", { name: "View as this user" });
  await viewAs.getByLabel("Reason").fill("Ticket 4211: cannot find the billing page");
  await viewAs.getByRole("button", { name: "View as this user" }).click();
  await expect(banner(page)).toContainText(customerEmail);
  await expect(banner(page)).toContainText("by Sam Support");

  // On the organization's subdomain too, and a billing change is refused.
  await page.goto(`${tenantApp(slug)}/settings/billing`);
  await expect(banner(page)).toContainText(customerEmail);
  await page.getByRole("button", { name: "Start 14-day Pro trial" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Not available while viewing as a customer." }),
  ).toBeVisible();

  // Stop: back on the customer's page in the console, the banner gone.
  await banner(page).getByRole("button", { name: "Stop viewing" }).click();
  await expect(page).toHaveURL(`${app}/admin/users/${customerId}`);
  await expect(page.getByRole("button", { name: "View as this user" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);

  // The console lives on the root host only, even for staff; an unknown id is an HTTP 404.
  expect((await page.goto(`${tenantApp("acme")}/admin`))?.status()).toBe(404);
  expect((await page.goto(`${app}/admin/users/no-such-user`))?.status()).toBe(404);
  expect((await page.goto(`${app}/admin/organizations/nosuchorganization`))?.status()).toBe(404);

  // The metrics page shows the hand-computed fixture that the e2e server loaded (its six months
  // end last month): every series of every month, as the page formats them. On this fresh
  // database the months are computed in the background first; the page refreshes itself.
  await page.goto(`${app}/admin/metrics`);
  const table = page.getByRole("table", { name: "Unit economics by month" });
  await expect(table).toBeVisible({ timeout: 3 * STEP_MS });
  const fixture = metricsFixture({ organizationPrefix: e2eMetricsFixturePrefix });
  for (const [index, key] of fixture.monthKeys.entries()) {
    const expected = { ...expectedMonths[index]!, version: 1 as const, month: key };
    const row = table.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: key, exact: true }),
    });
    await expect(row.getByRole("cell"), key).toHaveText(
      metricSeries.map((series) => formatValue(series.kind, series.value(expected))),
    );
  }
});

test("the console answers 404 to visitors and on an organization's subdomain", async ({ page }) => {
  for (const url of [`${app}/admin`, `${app}/admin/users`, `${tenantApp("acme")}/admin`]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});
