import { expect, test } from "@playwright/test";
import { app } from "./support/app";

// The production build answers its basic pages; feature suites build on these.

test("the landing page renders", async ({ page }) => {
  const response = await page.goto("/");

  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Keel/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the health endpoint reports the database up", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.checks.database.status).toBe("up");
});

test("the seeded welcome email reaches the dev mailbox with a working link", async ({ page }) => {
  // The server drains the outbox through the cron route right after it starts.
  await expect(async () => {
    const response = await page.goto("/dev/mailbox");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Welcome to Keel" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });

  const message = page.getByRole("article").filter({ hasText: "Welcome to Keel" });
  await expect(message).toContainText("ada@acme.test");
  const link = message.getByRole("link", { name: `${app}/` });
  await expect(link).toHaveAttribute("href", `${app}/`);

  await link.click();
  await expect(page).toHaveURL(`${app}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the cron route refuses a request without the secret", async ({ request }) => {
  const response = await request.post("/api/cron/outbox");

  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Unauthorized." });
});
