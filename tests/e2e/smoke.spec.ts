import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { secretsIn } from "../support/secret-patterns";
import { app } from "./support/app";
import { STEP_MS } from "./support/budget";
import { expect, test } from "./support/test";

// The production build answers its basic pages; feature suites build on these.

test("the landing page renders", async ({ page }) => {
  const response = await page.goto("/");

  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Keel/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // globals.css scrolls smoothly; this tells Next to jump instantly when it navigates.
  await expect(page.locator("html")).toHaveAttribute("data-scroll-behavior", "smooth");
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
    // Filtered: by now other tests may have pushed it off the first page.
    const response = await page.goto("/dev/mailbox?to=ada%40acme.test");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Welcome to Keel" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 2 * STEP_MS });

  const message = page.getByRole("article").filter({ hasText: "Welcome to Keel" });
  await expect(message).toContainText("ada@acme.test");
  // The list never renders HTML bodies; one message's HTML opens on its own page.
  await expect(page.locator("iframe")).toHaveCount(0);
  await message.getByRole("link", { name: "HTML preview" }).click();
  await expect(page.getByTitle("HTML version of “Welcome to Keel”")).toBeVisible();
  await page.goBack();
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

test("the client bundle the server sends holds no secret", async () => {
  // The build the e2e server runs; everything under static/ is public.
  const dir = path.join(process.cwd(), ".next", "static");
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile() && /\.(js|css|json|html|txt)$/.test(entry.name),
  );
  expect(files.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(file.parentPath, file.name), "utf8");
    found.push(...secretsIn(text).map((m) => `${file.name}: ${m.slice(0, 12)}…`));
    // No server-only configuration leaks either.
    for (const name of ["DATABASE_URL", "STRIPE_WEBHOOK_SECRET", "AUTH_SECRET", "postgresql://"]) {
      if (text.includes(name)) found.push(`${file.name}: mentions ${name}`);
    }
  }
  expect(found).toEqual([]);
});
