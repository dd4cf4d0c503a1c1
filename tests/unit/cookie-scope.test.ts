import { describe, expect, it } from "vitest";
import { sharedDomainWarning } from "@/lib/env/cookie-scope";

describe("sharedDomainWarning", () => {
  it.each([
    ["https://app.acme.com", "acme.com"],
    ["https://portal.eu.acme.com", "acme.com"],
    ["https://app.acme.co.uk", "acme.co.uk"],
    ["https://app.acme.com:8443", "acme.com:8443"],
  ])("warns for the app at %s under ROOT_DOMAIN %s", (appUrl, rootDomain) => {
    const warning = sharedDomainWarning(appUrl, rootDomain);
    expect(warning).toContain(`ROOT_DOMAIN is ${rootDomain.replace(/:\d+$/, "")}`);
    expect(warning).toContain("every host under it");
  });

  it.each([
    // The app on the root domain itself, or its www: the domain is the app's own.
    ["https://acmeapp.com", "acmeapp.com"],
    ["https://www.acmeapp.com", "acmeapp.com"],
    // A dedicated app subdomain as ROOT_DOMAIN: organizations at <slug>.app.acme.com.
    ["https://app.acme.com", "app.acme.com"],
    // Local development: host-only cookies, shared with nothing.
    ["http://localhost:3000", "localhost:3000"],
    ["http://acme.localhost:3000", "localhost:3000"],
    ["http://127.0.0.1:3000", "127.0.0.1:3000"],
    // Not under ROOT_DOMAIN at all: the cookie does not reach the app either way.
    ["https://keel.example", "other.example"],
  ])("stays quiet for the app at %s with ROOT_DOMAIN %s", (appUrl, rootDomain) => {
    expect(sharedDomainWarning(appUrl, rootDomain)).toBeNull();
  });
});
