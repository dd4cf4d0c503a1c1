import type { Page } from "@playwright/test";
import { app } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders, mailedLink } from "./support/mailbox";
import { expect, test } from "./support/test";

/**
 * The account pages as a visitor meets them: the emailed links act only on a button press,
 * links without a token say what to do, the forms answer without JavaScript, and the
 * sign-in link and password toggle work from the keyboard. accounts.spec.ts covers 2FA,
 * password reset and the wrong-password and short-password answers.
 */

// Emailed links point at APP_URL, and the session cookie lives on its domain.
test.use({ baseURL: app });

const password = "four unrelated words here";

const freshEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

// Sign-ups are limited per client IP: each test comes from its own documentation address,
// so the suites never spend each other's budget (the e2e server trusts one proxy hop).
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders(clientIpHeaders());
});

/** The form's alert (Next.js keeps an empty `role="alert"` route announcer on every page). */
const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
}

async function signIn(page: Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("sign up, confirm with the button, sign out, and sign back in with the password", async ({
  page,
}) => {
  budgetSteps(16);
  const email = freshEmail("signup");
  await signUp(page, "Ada Lovelace", email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);

  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  // Opening the link twice (as a mail scanner would, then the person) confirms nothing.
  await page.goto(link);
  await page.goto(link);
  await expect(page).toHaveTitle("Confirm your email · Keel");
  await page.getByRole("button", { name: "Confirm my email" }).click();

  await expect(page).toHaveURL("/organizations?verified=1");
  await expect(page.getByRole("status")).toHaveText("Your email address is confirmed.");
  await page.goto("/account");
  // The page's profile, not the user menu in the header, which names the person too.
  await expect(page.getByRole("main").getByLabel("Name", { exact: true })).toHaveValue(
    "Ada Lovelace",
  );
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(page.getByText("Confirm your email to create or join")).toHaveCount(0);

  // Signed in, the sign-in and sign-up pages lead to the account.
  await page.goto("/sign-in");
  await expect(page).toHaveURL("/organizations");
  await page.goto("/sign-up");
  await expect(page).toHaveURL("/organizations");

  await page.goto("/account");
  await page
    .getByRole("main")
    .getByRole("button", { name: "Sign out", exact: true })
    .first()
    .click();
  await expect(page).toHaveURL("/");

  await page.goto("/account");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Faccount");
  await signIn(page, email);
  await expect(page).toHaveURL("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("an account whose email is not confirmed yet is told why it matters", async ({ page }) => {
  budgetSteps(8);
  const email = freshEmail("unconfirmed");
  await signUp(page, "Grace Hopper", email);
  // The account is created right after the response; its email shows it exists.
  await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");

  await page.goto("/sign-in");
  await signIn(page, email);
  await expect(page).toHaveURL("/organizations");
  await page.goto("/account");
  await expect(page.getByText("Not confirmed", { exact: true })).toBeVisible();
  await expect(
    page.getByText("Confirm your email to create or join an organization"),
  ).toBeVisible();
});

test("a sign-in link asked for with the keyboard signs in only when its button is pressed", async ({
  page,
}) => {
  budgetSteps(12);
  const email = freshEmail("magic");
  await page.goto("/sign-in");
  await page.getByText("Email me a sign-in link instead").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email for the link")).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("we sent a sign-in link");

  const link = await mailedLink(page, email, "Your Keel sign-in link", "/magic-link?token=");
  await page.goto(link);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  await page.goto(link);
  await page.getByRole("button", { name: "Sign in to Keel" }).click();
  await expect(page).toHaveURL("/organizations");
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  // The link works once.
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in to Keel" }).click();
  const alert = formAlert(page);
  await expect(alert).toHaveText("This link is invalid or has expired. Ask for a new one.");
  await expect(alert).toBeFocused();
});

test("links without a token, or with a bad one, say what to do next", async ({ page }) => {
  for (const path of ["/verify-email", "/magic-link", "/reset-password"]) {
    await page.goto(path);
    await expect(page.getByText("This link is incomplete.")).toBeVisible();
  }
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();

  await page.goto("/verify-email?token=not-a-real-token");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(formAlert(page)).toHaveText(
    "This link is invalid or has expired. Ask for a new one.",
  );
});

test("sign-in shows what just happened after a reset or a confirmation", async ({ page }) => {
  await page.goto("/sign-in?reset=1");
  await expect(page).toHaveTitle("Sign in · Keel");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await expect(page.getByRole("status")).toHaveText(
    "Your password was changed. Sign in with the new one.",
  );
  await page.goto("/sign-in?verified=1");
  await expect(page.getByRole("status")).toHaveText(
    "Your email is confirmed. Sign in to continue.",
  );
});

test("the password can be shown and hidden from the keyboard", async ({ page }) => {
  await page.goto("/sign-in");
  const field = page.getByLabel("Password", { exact: true });
  await field.focus();
  await page.keyboard.type(password);
  await page.keyboard.press("Tab");
  const toggle = page.getByRole("button", { name: /^(Show|Hide) password$/ });
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAccessibleName("Show password");
  await page.keyboard.press("Space");
  await expect(field).toHaveAttribute("type", "text");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(toggle).toHaveAccessibleName("Hide password");
  await page.keyboard.press("Enter");
  await expect(field).toHaveAttribute("type", "password");
  await expect(field).toHaveValue(password);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in and sign-up post to the server and show its answer", async ({ page }) => {
    const email = freshEmail("nojs");
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(formAlert(page)).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);

    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Short");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    const field = page.getByLabel("Password", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription("Use at least 8 characters.");
    await expect(page.getByLabel("Name")).toHaveValue("Short");
    await expect(field).toHaveValue("");
  });
});
