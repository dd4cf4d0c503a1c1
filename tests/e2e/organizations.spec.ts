import type { Page } from "@playwright/test";
import { app, e2ePort, rootHost, tenantApp } from "./support/app";
import { budgetSteps } from "./support/budget";
import { clientIpHeaders, mailedLink } from "./support/mailbox";
import { expect, test } from "./support/test";

/**
 * Organizations in the browser on the production build: create one, land on its
 * subdomain, invite a teammate who signs up from the email and joins as a member, and
 * what a member may not open. keel.test and its subdomains share the session cookie.
 */

const password = "a long and unusual passphrase";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function signUpAndConfirm(page: Page, name: string, email: string) {
  await page.goto(`${app}/sign-up?email=${encodeURIComponent(email)}`);
  await page.getByLabel("Name").fill(name);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  const link = await mailedLink(page, email, "Confirm your email address", "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(`${app}/organizations?verified=1`);
}

test("create an organization, invite a teammate who signs up from the email and joins as a member", async ({
  browser,
}) => {
  // Two people, two sign-ups and some thirty pages and form posts.
  budgetSteps(34);
  const tag = unique();
  const orgName = `Globex ${tag}`;
  const slug = `globex-${tag}`;
  const ownerEmail = `owner-${tag}@example.test`;
  const teammateEmail = `teammate-${tag}@example.test`;

  const owner = await browser.newContext({ extraHTTPHeaders: clientIpHeaders() });
  const page = await owner.newPage();
  await signUpAndConfirm(page, "Olivia Owner", ownerEmail);

  // No organization yet: the landing page says so and offers to create one.
  await expect(
    page.getByRole("heading", { name: "You’re not in an organization yet" }),
  ).toBeVisible();
  // No invitation is waiting, so the page does not point to one.
  await expect(
    page.getByText("When someone invites you, the invitation shows up here."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Create your organization" }).click();
  await expect(page).toHaveURL(`${app}/onboarding`);

  // A reserved address is refused next to the field.
  await page.getByLabel("Organization name").fill("Admin");
  await expect(page.getByLabel("Address")).toHaveValue("admin-org");
  await page.getByLabel("Address").fill("admin");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("This address is reserved. Choose another one.")).toBeVisible();

  // The address follows the name until edited.
  await page.getByLabel("Organization name").fill(orgName);
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();

  // Its own subdomain, signed in, on its home page; then the empty state of the example resource.
  await expect(page).toHaveURL(`${tenantApp(slug)}/`);
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "Projects" })
    .click();
  await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();
  await page.getByRole("link", { name: "New project" }).first().click();
  await page.getByLabel("Name").fill("Launch plan");
  await page.getByLabel("Description").fill("Everything for the launch.");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("status")).toHaveText("Project created.");
  await expect(page.getByRole("heading", { name: "Launch plan" })).toBeVisible();

  // Invite the teammate.
  await page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "Members" })
    .click();
  await expect(page).toHaveURL(`${tenantApp(slug)}/members`);
  await page.getByLabel("Email").fill(teammateEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${teammateEmail}`);
  await expect(
    page
      .getByRole("region", { name: "Pending invitations" })
      .getByText(teammateEmail, { exact: true }),
  ).toBeVisible();
  // The only owner is told how to leave instead of being offered a button that fails.
  await expect(page.getByRole("button", { name: "Leave organization" })).toHaveCount(0);
  await expect(page.getByText("You are its only owner.")).toBeVisible();

  // On a phone, every tab is reachable and the page does not scroll sideways. Typing into the
  // (taller) list of addresses scrolled the page down: start from the top, as a visitor would.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 390, height: 844 });
  const billingTab = page
    .getByRole("navigation", { name: "Organization" })
    .getByRole("link", { name: "Billing" });
  await expect(billingTab).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The teammate, in another browser: the email, the invitation page, sign-up, confirmation.
  const teammate = await browser.newContext({
    extraHTTPHeaders: clientIpHeaders(),
  });
  const other = await teammate.newPage();
  const invitation = await mailedLink(
    other,
    teammateEmail,
    `Olivia Owner invited you to ${orgName} on Keel`,
    "/invitations/accept?token=",
  );
  await other.goto(invitation);
  await expect(other.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await other.getByRole("link", { name: "Create an account" }).click();
  await signUpAndConfirm(other, "Tom Teammate", teammateEmail);

  // The invitation waits on the landing page; one click joins.
  await other.getByRole("button", { name: `Join ${orgName}` }).click();
  await expect(other).toHaveURL(`${tenantApp(slug)}/`);
  await expect(
    other
      .getByRole("region", { name: "Recent activity" })
      .getByText("Olivia Owner created the project Launch plan."),
  ).toBeVisible();
  await other.getByRole("link", { name: "View projects" }).click();
  await expect(other.getByRole("link", { name: /Launch plan/ })).toBeVisible();

  // A member: no settings in the navigation, and the page itself refuses (403).
  const nav = other.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Projects" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const settings = await other.goto(`${tenantApp(slug)}/settings`);
  expect(settings?.status()).toBe(403);
  await expect(
    other.getByRole("heading", { name: "You don’t have access to this page" }),
  ).toBeVisible();
  await other.goto(`${tenantApp(slug)}/members`);
  await expect(other.getByText(`${teammateEmail} · Member`)).toBeVisible();

  // The owner's role control starts at the teammate's current role.
  await page.goto(`${tenantApp(slug)}/members`);
  await expect(page.getByLabel("Role for Tom Teammate")).toHaveValue("MEMBER");

  // The owner sees the join in the audit log.
  await page.goto(`${tenantApp(slug)}/settings/audit`);
  await expect(page.getByText(`Olivia Owner invited ${teammateEmail} as a Member.`)).toBeVisible();
  const joined = page.getByRole("row").filter({ hasText: "Tom Teammate joined the organization" });
  await expect(joined).toContainText("Tom Teammate joined the organization as a Member.");
  // What was recorded, code and all, opens from the keyboard.
  await expect(joined.getByText("member.joined")).toBeHidden();
  await joined.getByText("Details").focus();
  await page.keyboard.press("Enter");
  await expect(joined.getByText("member.joined")).toBeVisible();

  await owner.close();
  await teammate.close();
});

test("addresses that are no organization's, and the internal segment, are not found", async ({
  page,
}) => {
  const missing = await page.goto(`${tenantApp("nosuch")}/`);
  expect(missing?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "No organization at this address" }),
  ).toBeVisible();

  for (const url of [`${app}/org/acme`, `${tenantApp("acme")}/org/acme/projects`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }

  // A forged forwarding header does not make the root host serve an organization.
  // (Playwright's request client resolves names itself: the loopback address, our Host.)
  const response = await page.request.get(`http://127.0.0.1:${e2ePort}/`, {
    headers: { host: rootHost, "x-forwarded-host": `acme.${rootHost}` },
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain("Sign in to Acme");

  // Acme exists: a signed-out visitor is asked to sign in, and learns only its name.
  await page.goto(`${tenantApp("acme")}/`);
  await expect(page.getByRole("heading", { name: "Sign in to Acme" })).toBeVisible();
});
