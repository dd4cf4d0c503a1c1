import { describe, expect, it } from "vitest";
import { clientInfoFrom, ipRateLimitKey, parseIpAddress } from "@/lib/http/client-info";

const info = (entries: Record<string, string>) => clientInfoFrom(new Headers(entries));

describe("parseIpAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["  203.0.113.7  ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["2001:db8::1", "2001:db8::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::1", "::1"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:cb00:7107", "203.0.113.7"],
  ])("accepts %j as %j", (input, expected) => {
    expect(parseIpAddress(input)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    "",
    "   ",
    "unknown",
    "localhost",
    "example.com",
    "256.1.1.1",
    "1.2.3",
    "01.2.3.4",
    "1.2.3.4.5",
    "203.0.113.7, 198.51.100.1",
    "2001:db8::g",
    "2001:db8::1::2",
    "1:2:3:4:5:6:7:8:9",
    "fe80::1%eth0",
    "1.2.3.4<script>",
    "' OR 1=1 --",
    "1.2.3.4\r\nX-Injected: 1",
    `${"1".repeat(70)}`,
  ])("rejects %j", (input) => {
    expect(parseIpAddress(input)).toBeNull();
  });
});

// What an attacker talking to the app (or to its proxy) can put in every request.
const forged = {
  "x-real-ip": "198.51.100.66",
  "x-forwarded-for": "198.51.100.67",
  "cf-connecting-ip": "198.51.100.68",
};

describe("clientInfoFrom with TRUSTED_PROXY=none (the default off Vercel)", () => {
  const none = { kind: "none" } as const;

  it("trusts no header: every forged address is ignored", () => {
    expect(clientInfoFrom(new Headers(forged), none).ipAddress).toBeNull();
  });

  it("is the default when TRUSTED_PROXY is unset and the app is not on Vercel", () => {
    expect(info(forged).ipAddress).toBeNull();
  });
});

describe("clientInfoFrom with TRUSTED_PROXY=vercel", () => {
  const vercel = { kind: "vercel" } as const;
  const at = (entries: Record<string, string>) =>
    clientInfoFrom(new Headers(entries), vercel).ipAddress;

  it("takes x-real-ip, which Vercel overwrites", () => {
    expect(at({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" })).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the right-most x-forwarded-for entry, never a client-written one", () => {
    expect(at({ "x-forwarded-for": "198.51.100.66, 203.0.113.7" })).toBe("203.0.113.7");
    expect(at({ "x-real-ip": "garbage", "x-forwarded-for": "198.51.100.66, 203.0.113.7" })).toBe(
      "203.0.113.7",
    );
  });

  it("ignores cf-connecting-ip", () => {
    expect(at({ "cf-connecting-ip": "198.51.100.68" })).toBeNull();
  });

  it("handles IPv6 and IPv4-mapped addresses", () => {
    expect(at({ "x-real-ip": "2001:DB8::1" })).toBe("2001:db8::1");
    expect(at({ "x-forwarded-for": "10.0.0.1, [2001:db8::2]:8080" })).toBe("2001:db8::2");
    expect(at({ "x-real-ip": "::ffff:198.51.100.9" })).toBe("198.51.100.9");
  });
});

describe("clientInfoFrom with TRUSTED_PROXY=cloudflare", () => {
  const cloudflare = { kind: "cloudflare" } as const;

  it("takes cf-connecting-ip and nothing else", () => {
    const headers = new Headers({ ...forged, "cf-connecting-ip": "203.0.113.9" });
    expect(clientInfoFrom(headers, cloudflare).ipAddress).toBe("203.0.113.9");
    const withoutIt = new Headers({ "x-real-ip": "198.51.100.66", "x-forwarded-for": "1.2.3.4" });
    expect(clientInfoFrom(withoutIt, cloudflare).ipAddress).toBeNull();
  });
});

describe("clientInfoFrom with TRUSTED_PROXY=<hops>", () => {
  const hops = (n: number, entries: Record<string, string>) =>
    clientInfoFrom(new Headers(entries), { kind: "hops", hops: n }).ipAddress;

  it("takes the entry the outermost proxy appended, whatever the client put before it", () => {
    // One load balancer appends the address it saw after the client's forged entries.
    expect(hops(1, { ...forged, "x-forwarded-for": "198.51.100.67, 203.0.113.7" })).toBe(
      "203.0.113.7",
    );
    // Two proxies: CDN appends the client, then the load balancer appends the CDN.
    expect(hops(2, { "x-forwarded-for": "198.51.100.67, 203.0.113.7, 10.0.0.2" })).toBe(
      "203.0.113.7",
    );
  });

  it("reads across repeated x-forwarded-for headers in order", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "198.51.100.67");
    headers.append("x-forwarded-for", "203.0.113.7");
    expect(clientInfoFrom(headers, { kind: "hops", hops: 1 }).ipAddress).toBe("203.0.113.7");
  });

  it("has no address when the header has fewer entries than proxies, or junk at that place", () => {
    expect(hops(2, { "x-forwarded-for": "203.0.113.7" })).toBeNull();
    expect(hops(1, { "x-real-ip": "203.0.113.7" })).toBeNull();
    expect(hops(1, { "x-forwarded-for": "203.0.113.7, not-an-ip" })).toBeNull();
  });
});

describe("clientInfoFrom", () => {
  it("reads the user agent, and null when it is blank", () => {
    expect(info({ "user-agent": " Mozilla/5.0 (X11; Linux x86_64) " }).userAgent).toBe(
      "Mozilla/5.0 (X11; Linux x86_64)",
    );
    expect(info({ "user-agent": "   " }).userAgent).toBeNull();
  });
});

describe("ipRateLimitKey", () => {
  it("keeps an IPv4 address as is", () => {
    expect(ipRateLimitKey("203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups IPv6 addresses by their /64, however they are written", () => {
    const key = ipRateLimitKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(ipRateLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(key);
    expect(ipRateLimitKey("2001:0DB8:0001:0002:0:0:0:9")).toBe(key);
    expect(ipRateLimitKey("2001:db8:1:3::1")).not.toBe(key);
    expect(ipRateLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipRateLimitKey("::1")).toBe("0:0:0:0::/64");
  });

  it("counts an unknown client under one shared key", () => {
    expect(ipRateLimitKey(null)).toBe("unknown");
    expect(ipRateLimitKey("not an address")).toBe("unknown");
  });
});
