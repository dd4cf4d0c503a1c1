import { test } from "@playwright/test";

/**
 * Time budgets for the end-to-end suite, sized for the slowest machine the README supports:
 * two cores shared by the production server, two browsers and possibly a build beside them.
 *
 * A step is one thing a person waits for: a page load, a form post and the page it leads
 * to, or an email arriving in the mailbox. On a quiet machine a step takes well under a
 * second; on a loaded two-core one, 5–10 s was seen. STEP_MS leaves room above that.
 */
export const STEP_MS = 20_000;

/** The default budget of a test (playwright.config.ts): a short flow of up to six steps. */
export const DEFAULT_TEST_MS = 6 * STEP_MS;

/**
 * Gives the current test a budget of `steps` steps. Call it first in a test whose flow is
 * longer than the default (several sign-ups, a checkout, waiting for an authenticator step).
 */
export function budgetSteps(steps: number): void {
  test.setTimeout(Math.max(steps * STEP_MS, DEFAULT_TEST_MS));
}
