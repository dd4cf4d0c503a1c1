import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { app } from "./support/app";
import { budgetSteps } from "./support/budget";
import { e2eQuery, sqlText } from "./support/database";
import { clientIpHeaders, mailedLink } from "./support/mailbox";

/**
 * Referral links in the browser, on the production build: the signed-in user finds their link
 * on the account page and copies it from the keyboard; an anonymous visitor who follows it lands
 * on sign-up with the referral kept in an HttpOnly cookie, and the account they create records
 * who referred them.
 */

const password = "a long and unusual passphrase";
const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function signUpAndConfirm(page: Page, name: string, email: string) {
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

test("the account page shows the referral link, copied from the keyboard; following it as a stranger keeps the referral through sign-up", async ({
  browser,
}) => {
  budgetSteps(12);
  // The referrer: their link is on the account page.
  const referrerContext = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  // keel.test over http is not a secure context, so the browser has no clipboard there: record
  // what the page writes instead (a secure https deployment uses the real clipboard).
  await referrerContext.addInitScript(() => {
    const copied: string[] = [];
    Object.defineProperty(window, "copiedTexts", { value: copied });
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (text: string) => void copied.push(text) },
    });
  });
  const page = await referrerContext.newPage();
  const referrerEmail = uniqueEmail("referrer");
  await signUpAndConfirm(page, "Ada Lovelace", referrerEmail);
  await page.goto(`${app}/account`);
  await expect(page.getByRole("heading", { name: "Refer a team" })).toBeVisible();
  const field = page.getByLabel("Your referral link");
  const url = await field.inputValue();
  expect(url).toMatch(new RegExp(`^${app.replace(/\./g, "\\.")}/r/[23456789a-z]{12}$`));
  // The code says nothing about who it belongs to.
  expect(url).not.toContain("ada");
  const [referrer] = await e2eQuery<{ id: string }>(
    `SELECT id FROM "User" WHERE email = ${sqlText(referrerEmail)}`,
  );
  const referrerId = referrer!.id;
  expect(url).not.toContain(referrerId);

  // Keyboard only: from the field, Tab reaches the button and Enter copies.
  await field.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Copy link" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Link copied." })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { copiedTexts: string[] }).copiedTexts),
  ).toEqual([url]);
  // Same link on the next visit.
  await page.reload();
  await expect(page.getByLabel("Your referral link")).toHaveValue(url);
  await referrerContext.close();

  // A stranger follows the link: sign-up, with the referral kept in an HttpOnly cookie.
  const visitor = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(url);
  await expect(visitorPage).toHaveURL(`${app}/sign-up`);
  await expect(visitorPage.getByRole("button", { name: "Create account" })).toBeVisible();
  const cookie = (await visitor.cookies(app)).find((c) => c.name === "keel.referral");
  expect(cookie).toBeDefined();
  expect(cookie!.value).toBe(url.split("/r/")[1]);
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);
  // Scripts cannot read it.
  expect(await visitorPage.evaluate(() => document.cookie)).not.toContain("keel.referral");

  const visitorEmail = uniqueEmail("referred");
  await signUpAndConfirm(visitorPage, "Bob Babbage", visitorEmail);
  const rows = await e2eQuery<{ referredById: string | null }>(
    `SELECT "referredById" FROM "User" WHERE email = ${sqlText(visitorEmail)}`,
  );
  expect(rows).toEqual([{ referredById: referrerId }]);
  await visitor.close();
});
