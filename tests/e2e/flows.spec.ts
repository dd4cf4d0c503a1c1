import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { app, stripeEmulator, tenantApp } from "./support/app";
import { budgetSteps, STEP_MS } from "./support/budget";
import { clientIpHeaders, mailedLink } from "./support/mailbox";
import { password, signUpWithOrganization } from "./support/organization";

/**
 * What a new customer runs into: sign-in that returns to the page they asked for, destructive
 * actions behind a real dialog that says what they do, pages that say what was deleted, and a
 * plan picked on the pricing page that is still picked at checkout.
 */

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  return context.newPage();
}

async function signInWithPassword(page: Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("sign-in returns to the page asked for, on the root host and an organization's host", async ({
  browser,
}) => {
  budgetSteps(20);
  const tag = unique();
  const slug = `dest-${tag}`;
  const email = `dest-${tag}@example.test`;
  const owner = await freshPage(browser);
  await signUpWithOrganization(owner, email, slug);

  // Signed out, /organizations asks for sign-in and comes back to /organizations.
  const visitor = await freshPage(browser);
  await visitor.goto(`${app}/organizations`);
  await expect(visitor).toHaveURL(`${app}/sign-in?callbackUrl=%2Forganizations`);
  await signInWithPassword(visitor, email);
  await expect(visitor).toHaveURL(`${app}/organizations`);
  await expect(visitor.getByRole("heading", { name: "Your organizations" })).toBeVisible();

  // The same for a page of the organization, on its own host.
  const other = await freshPage(browser);
  await other.goto(`${tenantApp(slug)}/members`);
  await other
    .getByRole("region", { name: `Sign in to Org ${slug}` })
    .getByRole("link", { name: "Sign in" })
    .click();
  await expect(other).toHaveURL(`${tenantApp(slug)}/sign-in?callbackUrl=%2Fmembers`);
  await signInWithPassword(other, email);
  await expect(other).toHaveURL(`${tenantApp(slug)}/members`);

  // A link pointing elsewhere after sign-in is ignored.
  const phished = await freshPage(browser);
  await phished.goto(`${app}/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
  await signInWithPassword(phished, email);
  await expect(phished).toHaveURL(`${app}/organizations`);

  // Deleting the organization ends on the organizations page, which says so.
  await owner.goto(`${tenantApp(slug)}/settings`);
  const zone = owner.getByRole("region", { name: "Danger zone" });
  await zone.getByRole("button", { name: "Delete organization" }).click();
  const dialog = owner.getByRole("dialog", { name: `Delete Org ${slug}?` });
  await expect(dialog).toContainText("This cannot be undone.");
  const confirm = dialog.getByRole("button", { name: "Delete organization" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type “${slug}” to confirm`).fill(slug);
  await confirm.click();
  await expect(owner).toHaveURL(new RegExp(`^${app}/organizations\\?notice=`), {
    timeout: 2 * STEP_MS,
  });
  await expect(owner.getByRole("status")).toContainText(`Org ${slug} was deleted`);
});

test("a project is deleted through the confirmation dialog, then the account with its organization", async ({
  browser,
}) => {
  budgetSteps(24);
  const tag = unique();
  const slug = `del-${tag}`;
  const page = await freshPage(browser);
  await signUpWithOrganization(page, `del-${tag}@example.test`, slug);

  for (const name of ["Keep me", "Throw me away"]) {
    await page.goto(`${tenantApp(slug)}/projects/new`);
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }

  // The dialog: named by its title, focus inside, Escape cancels and focus returns. Deleting
  // is on the project's edit page.
  await page.getByRole("link", { name: "Edit project" }).click();
  const trigger = page.getByRole("button", { name: "Delete project" });
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Delete project?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Delete “Throw me away”? This cannot be undone.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page.getByLabel("Name")).toHaveValue("Throw me away");

  await trigger.click();
  await dialog.getByRole("button", { name: "Delete project" }).click();
  await expect(page).toHaveURL(`${tenantApp(slug)}/projects?deleted=1`);
  await expect(page.getByRole("status")).toHaveText("Project deleted.");
  await expect(page.getByRole("link", { name: "Throw me away" })).toHaveCount(0);

  // The account's danger zone says what goes with the account before anything happens.
  await page.goto(`${app}/account`);
  await page
    .getByRole("region", { name: "Danger zone" })
    .getByRole("button", { name: "Delete my account" })
    .click();
  const goodbye = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(goodbye).toContainText("This organization has no other member");
  await expect(goodbye.getByRole("listitem")).toHaveText([`Org ${slug}: 1 project, Free plan`]);
  await goodbye.getByLabel("Type “delete my account” to confirm").fill("delete my account");
  await goodbye.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(`${app}/sign-in?deleted=account&organizations=1`, {
    timeout: 2 * STEP_MS,
  });
  await expect(page.getByRole("status")).toHaveText(
    "Your account and 1 organization were deleted.",
  );
});

test("a plan picked on the pricing page is still picked at checkout after sign-up", async ({
  browser,
}) => {
  budgetSteps(20);
  const tag = unique();
  const slug = `plan-${tag}`;
  const email = `plan-${tag}@example.test`;
  const page = await freshPage(browser);

  await page.goto(`${app}/pricing`);
  await page.getByText("Yearly (2 months free)").click();
  await page.locator('[data-plan="pro"]').getByRole("link", { name: "Start 14-day trial" }).click();
  await expect(page).toHaveURL(`${app}/sign-up?plan=pro&interval=year`);
  await expect(page.getByText("You chose Pro, billed yearly.")).toBeVisible();

  await page.getByLabel("Name").fill("Pat Planner");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();

  // Onboarding knows the plan, and the new organization opens on it, one click from Checkout.
  await expect(page).toHaveURL(`${app}/onboarding?plan=pro&interval=year`, {
    timeout: 2 * STEP_MS,
  });
  await page.getByLabel("Organization name").fill(`Org ${slug}`);
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(
    new RegExp(`^${tenantApp(slug)}/settings/billing\\?plan=pro&interval=year`),
    { timeout: 2 * STEP_MS },
  );
  const chosen = page.locator("form[data-chosen]");
  await expect(chosen).toContainText("Your choice");
  await expect(chosen.getByRole("radio", { name: /yearly/ })).toBeChecked();
  await chosen.getByRole("button", { name: "Start 14-day Pro trial" }).click();
  await expect(page).toHaveURL(new RegExp(`^${stripeEmulator}/checkout/cs_`));
  await expect(page.getByRole("rowheader", { name: "Pro" })).toBeVisible();
});
