import { describe, expect, it } from "vitest";
import { e2ePort } from "@/tests/e2e/support/app";
import { pageKey } from "@/tests/e2e/support/page-key";

// The e2e suite checks each page with axe once per run: visits of the same page must share a
// key, and different pages (or the same page signed in, or answering an error) must not.
const site = `http://keel.test:${e2ePort}`;
const org = (slug: string) => `http://${slug}.keel.test:${e2ePort}`;
const out = { signedIn: false, status: 200 };
const signedIn = { signedIn: true, status: 200 };

describe("pageKey", () => {
  it("gives every organization's copy of a page, and every id, one key", () => {
    expect(pageKey(`${org("acme")}/projects/cmx4ofmic0006dm7d4svtn4t5`, signedIn)).toBe(
      pageKey(`${org("globex-mx4o1")}/projects/seed_project_website?tab=1`, signedIn),
    );
    expect(pageKey(`${site}/dev/mailbox/1796128464327`, out)).toBe(
      "signed-out site/dev/mailbox/:id",
    );
  });

  it("treats the site on localhost and on keel.test as one, but apart from organizations", () => {
    expect(pageKey(`http://localhost:${e2ePort}/pricing`, out)).toBe(
      pageKey(`${site}/pricing`, out),
    );
    expect(pageKey(`${site}/projects`, signedIn)).not.toBe(
      pageKey(`${org("acme")}/projects`, signedIn),
    );
  });

  it("keeps signed-in, signed-out and error answers of one path apart", () => {
    const keys = new Set([
      pageKey(`${org("acme")}/settings`, signedIn),
      pageKey(`${org("acme")}/settings`, out),
      pageKey(`${org("acme")}/settings`, { signedIn: true, status: 403 }),
      pageKey(`${org("acme")}/settings`, { signedIn: true, status: undefined }),
    ]);
    expect(keys.size).toBe(3);
  });

  it("keeps route words, and skips pages that are not the app's", () => {
    expect(pageKey(`${org("acme")}/settings/api-keys`, signedIn)).toBe(
      "signed-in org/settings/api-keys",
    );
    expect(pageKey(`http://localhost:${e2ePort + 11}/checkout/cs_123`, out)).toBeNull();
    expect(pageKey("about:blank", out)).toBeNull();
  });
});
