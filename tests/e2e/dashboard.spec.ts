import { expect, test } from "./support/test";
import { tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders } from "./support/mailbox";
import { signUpWithOrganization } from "./support/organization";

/**
 * An organization's home page on the production build: created with sample projects, it opens
 * on its overview, the getting-started checklist has already ticked "Create a project", the
 * owner dismisses the checklist for good, and recent activity tells what happened.
 */
test("a new organization with sample projects opens on its overview, whose checklist the owner dismisses", async ({
  browser,
}) => {
  budgetSteps(16);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const slug = `home-${tag}`;
  const context = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const page = await context.newPage();
  await signUpWithOrganization(page, `home-${tag}@example.test`, slug, { sampleProjects: true });

  await expect(page.getByRole("heading", { level: 1, name: `Org ${slug}` })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Overview" }),
  ).toHaveAttribute("aria-current", "page");

  // The sample projects exist, so the first item is ticked; the rest wait, each with its link.
  const checklist = page.getByRole("region", { name: "Getting started" });
  await expect(checklist).toContainText("1 of 4 done.");
  const item = (label: string) => checklist.getByRole("listitem").filter({ hasText: label });
  await expect(item("Create a project")).toContainText("(done)");
  await expect(item("Create a project").getByRole("link")).toHaveCount(0);
  await expect(item("Invite a teammate")).toContainText("(to do)");
  await expect(checklist.getByRole("link", { name: "Invite a teammate" })).toHaveAttribute(
    "href",
    "/members",
  );
  await expect(checklist.getByRole("link", { name: "Choose a plan" })).toHaveAttribute(
    "href",
    "/settings/billing",
  );
  await expect(item("Turn on two-factor authentication")).toContainText("(to do)");

  // What the team has: two projects, one member, the Free plan with one of three seats taken.
  await expect(page.getByRole("region", { name: "Projects", exact: true })).toContainText("2");
  await expect(page.getByRole("region", { name: "Members", exact: true })).toContainText(
    "No pending invitations.",
  );
  const plan = page.getByRole("region", { name: "Plan", exact: true });
  await expect(plan).toContainText("Free");
  await expect(plan).toContainText("1 of 3 seats used");

  // Recent activity, as sentences, with the way to the whole log for an owner.
  const activity = page.getByRole("region", { name: "Recent activity" });
  await expect(
    activity.getByText("Casey Tester created the project Website relaunch."),
  ).toBeVisible();
  await expect(
    activity.getByText(`Casey Tester created the organization Org ${slug}.`),
  ).toBeVisible();
  await expect(activity.getByRole("link", { name: "View the full audit log" })).toHaveAttribute(
    "href",
    "/settings/audit",
  );

  // On a phone the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Dismissed, it is gone, and stays gone; the dismissal is in the activity.
  await checklist.getByRole("button", { name: "Dismiss checklist" }).click();
  await expect(checklist).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `Org ${slug}` })).toBeVisible();
  await expect(checklist).toHaveCount(0);
  await expect(
    activity.getByText("Casey Tester dismissed the getting-started checklist for everyone."),
  ).toBeVisible();

  // The samples are real projects in the list.
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
  });
  await page.getByRole("link", { name: "View projects" }).click();
  await expect(page).toHaveURL(`${tenantApp(slug)}/projects`);
  const project = page.getByRole("link", { name: /Customer onboarding/ });
  await expect(project).toBeVisible();

  // Rows and tabs on screen cost the server nothing until the pointer or the keyboard reaches
  // one: each prefetch is a request that checks the session and membership.
  await page.waitForTimeout(1_500);
  const rows = () => prefetched.filter((path) => /^\/projects\/(?!new$)[^/]+$/.test(path));
  expect(rows()).toEqual([]);
  expect(prefetched).not.toContain("/members");
  await project.focus();
  const href = await project.getAttribute("href");
  // Only that row's page (Next asks for its route, then its data: one address, twice).
  await expect.poll(() => [...new Set(rows())]).toEqual([href]);
  await context.close();
});
