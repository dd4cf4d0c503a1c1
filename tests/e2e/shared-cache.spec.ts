import type { APIRequestContext } from "@playwright/test";
import { app, e2ePort } from "./support/app";
import { budgetSteps, STEP_MS } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";
import { expect, test } from "./support/test";

/**
 * The prerendered pages (the landing page, the not-found page) are one cached entry for
 * every visitor on every host. Whatever one request did, including a server action that
 * changes an organization's data, the next visitor must not find that request's address,
 * ids or query string (reset tokens, invitation codes) in them.
 */

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// Another host than the one the browser uses: the cached entries are shared by all hosts.
const otherHost = `http://127.0.0.1:${e2ePort}`;

/**
 * The cached page at `path` once it is fresh again. A stale entry is served once and
 * regenerated behind the scenes, so this waits until the cache answers HIT (bounded),
 * then returns what every visitor gets from then on.
 */
async function settledPage(request: APIRequestContext, path: string): Promise<string> {
  let body = "";
  await expect
    .poll(
      async () => {
        const response = await request.get(`${otherHost}${path}`, { maxRedirects: 0 });
        body = await response.text();
        return response.headers()["x-nextjs-cache"] ?? "none";
      },
      { timeout: 2 * STEP_MS },
    )
    .not.toBe("STALE");
  return body;
}

test("creating a project leaves no trace of its address in the shared landing and not-found pages", async ({
  browser,
  request,
}) => {
  budgetSteps(22);
  const tag = unique();
  const slug = `cache-${tag}`;
  const context = await browser.newContext({
    extraHTTPHeaders: clientIpHeaders(),
  });
  const page = await context.newPage();
  await signUpWithOrganization(page, `cache-${tag}@example.test`, slug);

  await page.getByRole("link", { name: "New project" }).first().click();
  await page.getByLabel("Name").fill(`Cached ${tag}`);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("status")).toHaveText("Project created.", { timeout: 2 * STEP_MS });
  const projectPath = new URL(page.url()).pathname;
  const projectId = projectPath.split("/").pop() ?? "";
  expect(projectId).not.toBe("");

  for (const path of [`/missing-${tag}`, "/"]) {
    const body = await settledPage(request, path);
    // Soft: the second half below runs (and reports) whatever this half finds.
    expect.soft(body.includes(projectId), `${path} holds the new project's id`).toBe(false);
    expect.soft(body.includes("created=1"), `${path} holds the creator's query`).toBe(false);
    expect.soft(body.includes(slug), `${path} holds the organization's address`).toBe(false);
  }

  // Saving the project again, then a visitor with a secret in the address on the root
  // host: the next visitors elsewhere must not be served that address.
  await page.getByRole("link", { name: "Edit project" }).click();
  await page.getByLabel("Name").fill(`Cached ${tag} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Project saved.")).toBeVisible({ timeout: 2 * STEP_MS });

  const secret = `tok${tag}SECRETx9f2`;
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`${app}/reset-pasword?token=${secret}`);
  await visitorPage.goto(`${app}/?invite=${secret}`);
  for (const path of ["/", `/another-missing-${tag}`]) {
    const body = await settledPage(request, path);
    expect(body.includes(secret), `${path} holds another visitor's token`).toBe(false);
    expect(body.includes("reset-pasword"), `${path} holds another visitor's path`).toBe(false);
  }
  await visitor.close();
  await context.close();
});
