import type { Page } from "@playwright/test";
import { app, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { password, signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The main pages, each checked with axe in light and dark (support/test.ts), so that whether
 * a page is checked never depends on which other specs happen to open it. Every spec checks
 * the pages it opens as well; this one makes sure the list below always is.
 */

// Two long tests: side by side on both workers, not one after the other.
test.describe.configure({ mode: "parallel" });

const publicPages = [
  "/",
  "/pricing",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/terms",
  "/privacy",
  "/docs/api",
];

async function visit(page: Page, url: string, status = 200) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(status);
}

test("the public pages, signed out, in light and dark", async ({ page, expectNoAxeViolations }) => {
  // A load and two axe passes per page: two steps each.
  budgetSteps(2 * (publicPages.length + 4));
  await page.setExtraHTTPHeaders(clientIpHeaders());
  for (const path of publicPages) {
    await visit(page, `${app}${path}`);
    await expectNoAxeViolations(page);
  }
  await visit(page, `${app}/no-such-page`, 404);
  await expectNoAxeViolations(page);
  // An organization's sign-in prompt, and an address that is no organization's.
  await visit(page, `${tenantApp("acme")}/`);
  await expectNoAxeViolations(page);
  await visit(page, `${tenantApp("nosuch")}/`, 404);
  await expectNoAxeViolations(page);

  // A refused sign-in: the form with its error.
  await visit(page, `${app}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill("nobody@example.test");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toBeVisible();
  await expectNoAxeViolations(page, { changed: true });
});

test("the account and organization pages, signed in, in light and dark", async ({
  page,
  expectNoAxeViolations,
}) => {
  // Sign-up and its email, then a load and two axe passes per page: two steps each.
  budgetSteps(8 + 2 * 15);
  await page.setExtraHTTPHeaders(clientIpHeaders());
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `axe-${tag}`;
  await signUpWithOrganization(page, `axe-${tag}@example.test`, slug);
  const org = tenantApp(slug);

  // The empty states first, then the same lists with something in them.
  for (const url of [`${org}/projects`, `${org}/settings/api-keys`]) {
    await visit(page, url);
    await expectNoAxeViolations(page);
  }
  await visit(page, `${org}/projects/new`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Name").fill("Launch plan");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Launch plan" })).toBeVisible();
  await expectNoAxeViolations(page, { changed: true });

  for (const url of [
    `${app}/organizations`,
    `${app}/account`,
    `${app}/onboarding`,
    `${app}/pricing`,
    `${org}/projects`,
    `${org}/members`,
    `${org}/settings`,
    `${org}/settings/billing`,
    `${org}/settings/audit`,
  ]) {
    await visit(page, url);
    await expectNoAxeViolations(page);
  }
  await visit(page, `${org}/projects/no-such-project`, 404);
  await expectNoAxeViolations(page);
});
