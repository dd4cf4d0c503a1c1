import { expect, type Page } from "@playwright/test";
import { app } from "./app";
import { STEP_MS } from "./budget";

/**
 * The link containing `path` in the newest email to `to` with `subject`, once it has
 * arrived. Delivery follows the response that queued the email, so this keeps reloading
 * the dev mailbox (Playwright's retrying assertion, not a fixed sleep) until it is there.
 */
export async function mailedLink(
  page: Page,
  to: string,
  subject: string,
  path: string,
): Promise<string> {
  let href = "";
  await expect(async () => {
    // Only `to`'s messages: the mailbox shows a page at a time and other tests keep sending.
    await page.goto(`${app}/dev/mailbox?to=${encodeURIComponent(to)}`);
    const message = page
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: subject, exact: true }) })
      .filter({ hasText: to })
      .first();
    href =
      (await message
        .getByRole("link")
        .filter({ hasText: path })
        .first()
        .getAttribute("href", { timeout: 1_000 })) ?? "";
    expect(href).toContain(path);
  }).toPass({ timeout: 2 * STEP_MS });
  return href;
}

/**
 * Each test signs up from its own documentation address, so rate limits never collide.
 * Random in the /64 prefix: the app counts IPv6 clients by their /64.
 */
export function randomClientIp(): string {
  const part = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:${part()}:${part()}::1`;
}

/** The header the e2e server's trusted proxy setting (TRUSTED_PROXY=1) reads the client from. */
export const clientIpHeaders = (ip = randomClientIp()) => ({ "x-forwarded-for": ip });
