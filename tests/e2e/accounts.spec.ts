import type { Page } from "@playwright/test";
import { currentTotp } from "../../lib/auth/two-factor/totp";
import { app, rootHost, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders, mailedLink } from "./support/mailbox";
import { expect, test } from "./support/test";

/** Signs out from the header and waits for the landing page, so the next step starts signed out. */
async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).last().click();
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
}

/**
 * Accounts in the browser on the production build: sign-up with the emailed link, 2FA,
 * password reset, and one session across organization subdomains. The app lives on
 * keel.test (mapped to loopback in Chromium); the dev mailbox shows the emails.
 */

const password = "a long and unusual passphrase";

const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

// Sign-ups are limited per client IP: each test comes from its own documentation address,
// so tests never spend each other's budget (the e2e server trusts one proxy hop).
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders(clientIpHeaders());
});

async function signUpAndVerify(page: Page, email: string) {
  await page.goto(`${app}/sign-up`);
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(`${app}/organizations?verified=1`);
  await page.goto(`${app}/account`);
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
}

async function signIn(page: Page, email: string, withPassword = password) {
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(withPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * A code the server has not seen yet: the one for the next 30-second step. The server
 * accepts one step of clock drift either way and refuses a step it has already used, so
 * this is what a phone a few seconds ahead would show, with no wait for the clock.
 */
const unusedCode = (secret: string) => currentTotp(secret, Date.now() + 30_000);

test("sign up, confirm by email, turn on 2FA, sign out, sign in with a code", async ({ page }) => {
  budgetSteps(16);
  const email = uniqueEmail("twofactor");
  await signUpAndVerify(page, email);

  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await page.getByTestId("manual-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(currentTotp(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(
    page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem"),
  ).toHaveCount(10);

  await signOut(page);
  await expect(page).toHaveURL(`${app}/`);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not valid")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(unusedCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(`${app}/organizations`);
  await page.goto(`${app}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("a wrong password keeps the address and says so; a short one is refused at sign-up", async ({
  page,
}) => {
  await signIn(page, uniqueEmail("nobody"), "not the password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password" })).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(page.getByLabel("Email", { exact: true })).not.toHaveValue("");

  await page.goto(`${app}/sign-up`);
  await page.getByLabel("Name").fill("Short");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  const field = page.getByLabel("Password", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(field).toBeFocused();
});

test("password reset: the emailed link sets a new password and the old one stops working", async ({
  page,
}) => {
  budgetSteps(18);
  const email = uniqueEmail("reset");
  await signUpAndVerify(page, email);
  await signOut(page);

  await page.goto(`${app}/forgot-password`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  const link = await mailedLink(page, email, "Reset your Keel password", "/reset-password?token=");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("an entirely new passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(`${app}/sign-in?reset=1`);
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  await signIn(page, email, password);
  await expect(page.getByRole("alert").filter({ hasText: "Email or password" })).toHaveText(
    "Email or password is incorrect.",
  );
  await signIn(page, email, "an entirely new passphrase");
  await expect(page).toHaveURL(`${app}/organizations`);
});

test("one session is shared by the organization subdomains, and sign-out ends it everywhere", async ({
  page,
}) => {
  budgetSteps(12);
  const email = uniqueEmail("shared");
  await signUpAndVerify(page, email);

  for (const host of [`acme.${rootHost}`, `globex.${rootHost}`]) {
    await page.goto(`http://${host}/account`);
    await expect(page).toHaveURL(`http://${host}/account`);
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  }

  await signOut(page);
  await page.goto(`${app}/account`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.goto(`${tenantApp("acme")}/account`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("the sign-in form works with the keyboard alone", async ({ page }) => {
  budgetSteps(10);
  const email = uniqueEmail("keyboard");
  await signUpAndVerify(page, email);
  await signOut(page);

  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email", { exact: true }).focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${app}/organizations`);
});

test("signing in on an organization's subdomain signs in on the root host too", async ({
  page,
}) => {
  budgetSteps(11);
  const email = uniqueEmail("subdomain");
  await signUpAndVerify(page, email);
  await signOut(page);

  await page.goto(`${tenantApp("acme")}/sign-in?callbackUrl=%2Faccount`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${tenantApp("acme")}/account`);
  await page.goto(`${app}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("a callbackUrl to another site is ignored after sign-in", async ({ page }) => {
  budgetSteps(10);
  const email = uniqueEmail("redirect");
  await signUpAndVerify(page, email);
  await signOut(page);

  await page.goto(`${app}/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${app}/organizations`);
});
