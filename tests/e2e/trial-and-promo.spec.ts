import { expect, test } from "./support/test";
import { tenantApp, stripeEmulator } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";

/**
 * A trial as its owner sees it: the banner with the days left on every page of the
 * organization, and a plan change with a promotion code: a code that does not exist is a
 * field error, the sample code WELCOME20 shows the discounted preview, and nothing is due
 * today during the trial.
 */
test("the trial banner, and a promotion code on a plan change during the trial", async ({
  browser,
}) => {
  budgetSteps(20);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `trial-${tag}`;
  const org = tenantApp(slug);
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const page = await context.newPage();
  await signUpWithOrganization(page, `owner-${tag}@example.test`, slug);

  // No trial, no banner.
  await page.goto(`${org}/projects`);
  await expect(page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  await expect(page.getByTestId("trial-banner")).toHaveCount(0);

  await page.goto(`${org}/settings/billing`);
  await page.getByRole("button", { name: "Start 14-day Pro trial" }).click();
  await expect(page).toHaveURL(new RegExp(`^${stripeEmulator}/checkout/cs_`));
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(new RegExp(`^${org}/settings/billing\\?checkout=success`));

  // The banner on another page of the organization: days left, and the way to billing.
  await page.goto(`${org}/projects`);
  const banner = page.getByTestId("trial-banner");
  await expect(banner).toHaveText(/^Pro trial: 13 days left — choose a plan$/);
  // A polite status, not an alert read out again on every navigation.
  await expect(banner).toHaveAttribute("role", "status");
  await banner.getByRole("link", { name: "choose a plan" }).click();
  await expect(page).toHaveURL(`${org}/settings/billing`);

  // A code that does not exist: a field error on the code, focused, and no preview.
  await page.getByRole("combobox", { name: "Plan", exact: true }).selectOption("business");
  const code = page.getByRole("textbox", { name: "Promotion code (optional)" });
  await code.fill("NOSUCHCODE");
  await page.getByRole("button", { name: "Preview change" }).click();
  await expect(
    page.getByText("This promotion code is not valid. Check it and try again."),
  ).toBeVisible();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  await expect(code).toBeFocused();
  await expect(code).toHaveValue("NOSUCHCODE");
  await expect(page.getByTestId("plan-change-preview")).toHaveCount(0);

  // The sample code: the preview names the discount, and nothing is due until the trial ends.
  await code.fill("welcome20");
  await page.getByRole("button", { name: "Preview change" }).click();
  const preview = page.getByTestId("plan-change-preview");
  await expect(preview).toContainText("Due today: $0.00");
  await expect(preview).toContainText(/Due on \d{1,2} \w+ \d{4}, when the trial ends: \$/);
  await expect(preview).toContainText(/Promotion code WELCOME20 \(20% off for 3 months\): −\$/);
  await expect(preview).not.toContainText("Due now");
  await page.getByRole("button", { name: "Confirm change" }).click();
  await expect(page.getByText("Plan changed.")).toBeVisible();
  await expect(page.getByTestId("trial-banner")).toContainText("Business trial");

  await context.close();
});
