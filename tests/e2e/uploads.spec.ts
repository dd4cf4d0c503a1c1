import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { app, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";

/**
 * Files in the browser on the production build: an avatar and a project attachment go from
 * the page straight to the local S3 server through presigned POSTs (so the Content-Security-
 * Policy and the bucket's CORS must allow it), and come back through short-lived signed links.
 */

// A 1×1 PNG.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("upload an avatar and a project file, then download the file", async ({ browser }) => {
  budgetSteps(20);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `files-${tag}`;
  const context = await browser.newContext({
    extraHTTPHeaders: clientIpHeaders(),
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|CORS/i.test(message.text())) refused.push(message.text());
  });
  await signUpWithOrganization(page, `files-${tag}@example.test`, slug);

  // The avatar: too large is refused before anything is sent, a small PNG is saved and shown.
  await page.goto(`${app}/account`);
  const picture = page.getByLabel("Picture");
  await picture.setInputFiles({
    name: "huge.png",
    mimeType: "image/png",
    buffer: Buffer.alloc(3 * 1024 * 1024),
  });
  await page.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByText("That file is too large: the limit is 2 MB.")).toBeVisible();
  await picture.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByText("Picture saved.")).toBeVisible();
  const avatar = page.locator("section[aria-labelledby=profile] img");
  await expect(avatar).toBeVisible();
  // Loaded through its signed link: the image decoded, so the policy and the link allowed it.
  await expect.poll(() => avatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);

  // A project file: uploaded from the organization's subdomain, listed, in the history.
  await page.goto(`${tenantApp(slug)}/projects/new`);
  await page.getByLabel("Name").fill("Apollo");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Apollo" })).toBeVisible();
  await page.getByLabel("Attach a file").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("launch at dawn"),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("notes.txt attached.")).toBeVisible();
  const link = page.getByRole("link", { name: "notes.txt (download)" });
  await expect(link).toBeVisible();
  await expect(
    page.getByText("Casey Tester attached notes.txt to the project Apollo."),
  ).toBeVisible();

  // The download goes through the members-only route to a signed link to the private object.
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("notes.txt");
  expect(await readFile(await download.path(), "utf8")).toBe("launch at dawn");

  expect(refused).toEqual([]);
  await context.close();
});
