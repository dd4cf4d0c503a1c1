import { expect, test } from "./support/test";
import { brand } from "../../brand.config";
import { app } from "./support/app";

/**
 * The local preview of every email template (development and e2e builds only): the list,
 * then one template's HTML in a sandboxed frame, in light and dark, and its text version.
 */

test("lists every template and previews one in light and dark with its text version", async ({
  page,
}) => {
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });

  await page.goto(`${app}/dev/emails`);
  await expect(page.getByRole("heading", { level: 1, name: "Email previews" })).toBeVisible();
  const list = page.getByRole("listitem");
  await expect(list.getByRole("link", { name: `Welcome to ${brand.name}` })).toBeVisible();
  await expect(list.getByRole("link", { name: "Payment failed for Acme" })).toBeVisible();
  expect(await list.count()).toBeGreaterThanOrEqual(20);

  await list
    .getByRole("link", { name: `Grace Hopper invited you to Acme on ${brand.name}` })
    .click();
  await expect(page).toHaveURL(`${app}/dev/emails/invitation`);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `Grace Hopper invited you to Acme on ${brand.name}`,
    }),
  ).toBeVisible();

  // The HTML runs no script and cannot reach this page.
  const frameElement = page.locator("iframe");
  const sandbox = (await frameElement.getAttribute("sandbox")) ?? "";
  expect(sandbox).not.toContain("allow-scripts");
  expect(sandbox).not.toContain("allow-same-origin");

  const frame = page.frameLocator("iframe");
  const button = frame.getByRole("link", { name: "Join Acme" });
  await expect(button).toHaveAttribute("href", /\/invitations\/accept\?token=/);
  await expect(frame.locator("body")).toHaveCSS("background-color", "rgb(244, 244, 245)");

  await page.getByRole("link", { name: "Dark" }).click();
  await expect(page).toHaveURL(`${app}/dev/emails/invitation?theme=dark`);
  await expect(page.getByText("Dark", { exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.frameLocator("iframe").locator("body")).toHaveCSS(
    "background-color",
    "rgb(9, 9, 11)",
  );

  const text = page.locator("pre");
  await expect(text).toContainText("Grace Hopper invited you to join Acme");
  await expect(text).toContainText(/Join Acme: http:\/\/\S+\/invitations\/accept\?token=/);
  expect(policyViolations).toEqual([]);
});

test("a template that does not exist is a 404", async ({ page }) => {
  const response = await page.goto(`${app}/dev/emails/no-such-template`);
  expect(response?.status()).toBe(404);
});
