import { NextRequest } from "next/server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "@/lib/http/prerendered-pages";
import { isThemeChoice, parseThemeCookie } from "@/lib/theme/choice";
import { themeReturnUrl } from "@/lib/theme/return-url";
import { themeScript } from "@/lib/theme/script";
import { themeScriptHash } from "@/lib/theme/script-hash";
import { proxy } from "@/proxy";

/** Runs the head script against a document with `cookie`; the data-theme it leaves, if any. */
function themeAfterScript(cookie: string): string | null {
  const attributes = new Map<string, string>();
  const document = {
    cookie,
    documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
  };
  new Function("document", themeScript)(document);
  return attributes.get("data-theme") ?? null;
}

describe("the theme cookie", () => {
  it("reads light and dark, and anything else as system", () => {
    expect(parseThemeCookie("light")).toBe("light");
    expect(parseThemeCookie("dark")).toBe("dark");
    for (const value of [undefined, null, "", "system", "Dark", "dark ", "blue"]) {
      expect(parseThemeCookie(value), String(value)).toBe("system");
    }
  });

  it("accepts exactly the three choices from a form", () => {
    expect(["system", "light", "dark"].every(isThemeChoice)).toBe(true);
    for (const value of [null, "", "auto", "DARK", 1, {}]) {
      expect(isThemeChoice(value), String(value)).toBe(false);
    }
  });
});

describe("the head script", () => {
  it("applies a light or dark choice wherever the cookie sits in the header", () => {
    expect(themeAfterScript("theme=dark")).toBe("dark");
    expect(themeAfterScript("theme=light")).toBe("light");
    expect(themeAfterScript("a=1; theme=dark; b=2")).toBe("dark");
    expect(themeAfterScript("a=1;theme=light")).toBe("light");
  });

  it("leaves the page to the device's setting otherwise", () => {
    for (const cookie of ["", "a=1", "theme=", "theme=system", "theme=darker", "xtheme=dark"]) {
      expect(themeAfterScript(cookie), cookie).toBeNull();
    }
  });

  it("never throws, even where cookies cannot be read", () => {
    const document = {
      get cookie(): string {
        throw new Error("SecurityError");
      },
    };
    expect(() => new Function("document", themeScript)(document)).not.toThrow();
  });

  it("is allowed by the hash the CSP carries, as React renders it", () => {
    const html = renderToStaticMarkup(
      createElement("script", { dangerouslySetInnerHTML: { __html: themeScript } }),
    );
    expect(inlineScriptHashes(html)).toEqual([themeScriptHash]);
  });

  it("is allowed on per-request pages of the root host and of organizations", () => {
    for (const [host, path] of [
      ["localhost:3000", "/account"],
      ["localhost:3000", "/organizations"],
      ["acme.localhost:3000", "/projects"],
    ] as const) {
      const response = proxy(new NextRequest(`http://${host}${path}`, { headers: { host } }));
      const policy = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc.split(" "), `${host}${path}`).toContain(themeScriptHash);
    }
  });
});

describe("where the theme form sends the browser back", () => {
  const options = {
    protocol: "https:",
    isAllowedHost: (host: string) => host === "app.example.com" || host.endsWith(".example.com"),
    fallback: "https://app.example.com/",
  };

  it("returns to the page on one of our hosts, query included, fragment dropped", () => {
    expect(themeReturnUrl("https://acme.example.com/settings/billing?tab=1#x", options)).toBe(
      "https://acme.example.com/settings/billing?tab=1",
    );
    expect(themeReturnUrl("https://app.example.com/account", options)).toBe(
      "https://app.example.com/account",
    );
  });

  it("keeps a double slash path on our own origin", () => {
    expect(themeReturnUrl("https://app.example.com//evil.test/x", options)).toBe(
      "https://app.example.com//evil.test/x",
    );
  });

  it.each([
    null,
    "",
    "not a url",
    "https://evil.test/account",
    "https://example.com.evil.test/",
    "http://app.example.com/account",
    "https://user:pass@app.example.com/account",
    "javascript:alert(1)",
  ])("falls back for %j", (referer) => {
    expect(themeReturnUrl(referer, options)).toBe(options.fallback);
  });
});
