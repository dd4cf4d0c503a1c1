import { describe, expect, it } from "vitest";
import { clientInfoFrom, parseIpAddress } from "@/lib/http/client-info";

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

describe("clientInfoFrom", () => {
  it("prefers x-real-ip", () => {
    expect(info({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" }).ipAddress).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the first x-forwarded-for entry when x-real-ip is missing or invalid", () => {
    expect(info({ "x-forwarded-for": "198.51.100.1" }).ipAddress).toBe("198.51.100.1");
    expect(info({ "x-forwarded-for": "198.51.100.1, 10.0.0.1, 10.0.0.2" }).ipAddress).toBe(
      "198.51.100.1",
    );
    expect(info({ "x-real-ip": "garbage", "x-forwarded-for": "198.51.100.1" }).ipAddress).toBe(
      "198.51.100.1",
    );
  });

  it("uses the first entry across repeated x-forwarded-for headers", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "198.51.100.1");
    headers.append("x-forwarded-for", "10.0.0.1");
    expect(clientInfoFrom(headers).ipAddress).toBe("198.51.100.1");
  });

  it("does not skip to a later x-forwarded-for entry when the first is garbage", () => {
    // A later entry is not "more trustworthy": take the first or nothing.
    expect(info({ "x-forwarded-for": "not-an-ip, 198.51.100.1" }).ipAddress).toBeNull();
    expect(info({ "x-forwarded-for": ", 198.51.100.1" }).ipAddress).toBeNull();
  });

  it("handles IPv6 and IPv4-mapped addresses", () => {
    expect(info({ "x-real-ip": "2001:DB8::1" }).ipAddress).toBe("2001:db8::1");
    expect(info({ "x-forwarded-for": "[2001:db8::2]:8080, 10.0.0.1" }).ipAddress).toBe(
      "2001:db8::2",
    );
    expect(info({ "x-real-ip": "::ffff:198.51.100.9" }).ipAddress).toBe("198.51.100.9");
  });

  it("returns null without any usable header", () => {
    expect(info({})).toEqual({ ipAddress: null, userAgent: null });
    expect(info({ "x-real-ip": "evil.example", "x-forwarded-for": "<script>" }).ipAddress).toBe(
      null,
    );
  });

  it("reads the user agent, and null when it is blank", () => {
    expect(info({ "user-agent": " Mozilla/5.0 (X11; Linux x86_64) " }).userAgent).toBe(
      "Mozilla/5.0 (X11; Linux x86_64)",
    );
    expect(info({ "user-agent": "   " }).userAgent).toBeNull();
  });
});
