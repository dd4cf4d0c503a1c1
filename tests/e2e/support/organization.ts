import { expect, type Page } from "@playwright/test";
import { app, tenantApp } from "./app";
import { STEP_MS } from "./budget";
import { mailedLink } from "./mailbox";

export const password = "a long and unusual passphrase";

/** Signs up `email`, confirms it from the mailbox and creates the organization `slug`. */
export async function signUpWithOrganization(
  page: Page,
  email: string,
  slug: string,
  { sampleProjects = false }: { sampleProjects?: boolean } = {},
) {
  await page.goto(`${app}/sign-up?email=${encodeURIComponent(email)}`);
  await page.getByLabel("Name").fill("Casey Tester");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(`${app}/organizations?verified=1`, { timeout: 2 * STEP_MS });
  await page.goto(`${app}/onboarding`);
  await page.getByLabel("Organization name").fill(`Org ${slug}`);
  await page.getByLabel("Address").fill(slug);
  if (sampleProjects) await page.getByLabel("Add sample projects").check();
  await page.getByRole("button", { name: "Create organization" }).click();
  // Creating the organization and opening its home page: slow on a busy machine.
  await expect(page).toHaveURL(`${tenantApp(slug)}/`, { timeout: 2 * STEP_MS });
}
