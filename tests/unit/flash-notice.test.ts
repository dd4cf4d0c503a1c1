import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as Notice from "@/lib/flash/notice";

/**
 * The notice shown after a redirect ("Acme was deleted"): only the server's own, signed and
 * fresh, so a crafted link cannot make our pages say anything.
 */

let notice: typeof Notice;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "a-test-secret-that-is-long-enough-1234");
  vi.resetModules();
  notice = await import("@/lib/flash/notice");
});

const valueOf = (query: string) => new URLSearchParams(query).get("notice");

describe("flash notices", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("reads back what the server signed, worded by the server", () => {
    const value = valueOf(
      notice.noticeQuery({ code: "organization-deleted", name: "Acme <b>" }, now),
    );
    const read = notice.readNotice(value, now);
    expect(read).toEqual({ code: "organization-deleted", name: "Acme <b>" });
    expect(notice.noticeText(read!)).toBe(
      "Acme <b> was deleted, with its projects, members and history.",
    );
  });

  it("ignores a changed name, a forged signature, plain text and a stale notice", () => {
    const value = valueOf(notice.noticeQuery({ code: "organization-deleted", name: "Acme" }, now))!;
    const [body, signature] = value.split(".");
    const forged = Buffer.from(
      JSON.stringify({ code: "organization-deleted", name: "Call +1 555 0100", expires: 4e9 }),
    ).toString("base64url");
    expect(notice.readNotice(`${forged}.${signature}`, now)).toBeNull();
    expect(notice.readNotice(`${body}.${signature!.slice(1)}x`, now)).toBeNull();
    expect(notice.readNotice("Your account is locked, call us", now)).toBeNull();
    expect(notice.readNotice(undefined, now)).toBeNull();
    expect(notice.readNotice(["a", "b"], now)).toBeNull();
    const later = new Date(now.getTime() + 11 * 60 * 1000);
    expect(notice.readNotice(value, later)).toBeNull();
  });
});
