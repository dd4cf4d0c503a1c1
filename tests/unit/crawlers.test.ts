import { describe, expect, it } from "vitest";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";

/**
 * robots.txt and sitemap.xml of the root host, called as Next.js calls them. The unit tests
 * run with the default APP_URL, http://localhost:3000.
 */

const rulesOf = (result: ReturnType<typeof robots>) =>
  Array.isArray(result.rules) ? result.rules : [result.rules];

describe("the sitemap", () => {
  it("lists the public pages by absolute URL, and nothing signed-in", () => {
    const urls = sitemap().map((entry) => entry.url);
    expect(urls).toEqual([
      "http://localhost:3000",
      "http://localhost:3000/pricing",
      "http://localhost:3000/docs/api",
      "http://localhost:3000/terms",
      "http://localhost:3000/privacy",
      "http://localhost:3000/sign-in",
      "http://localhost:3000/sign-up",
    ]);
  });
});

describe("robots.txt on the root host", () => {
  it("lets every crawler in, but not to the API, accounts, organizations or the back office", () => {
    const [rule, ...others] = rulesOf(robots());
    expect(others).toEqual([]);
    expect(rule?.userAgent).toBe("*");
    expect(rule?.allow).toBe("/");
    for (const path of ["/api/", "/account", "/organizations", "/admin", "/dev"]) {
      expect(rule?.disallow, path).toContain(path);
    }
  });

  it("disallows none of the pages the sitemap lists", () => {
    const disallowed = [rulesOf(robots())[0]?.disallow ?? []].flat();
    for (const { url } of sitemap()) {
      const path = new URL(url).pathname;
      expect(
        disallowed.filter((prefix) => path.startsWith(prefix)),
        path,
      ).toEqual([]);
    }
  });

  it("points at the sitemap by absolute URL", () => {
    expect(robots().sitemap).toBe("http://localhost:3000/sitemap.xml");
  });
});
