import { describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ cookie: undefined as string | undefined, inRequest: true }));

vi.mock("next/headers", () => ({
  cookies: async () => {
    if (!request.inRequest) throw new Error("`cookies` was called outside a request scope.");
    return {
      get: (name: string) =>
        name === "keel.recent-write" && request.cookie !== undefined
          ? { name, value: request.cookie }
          : undefined,
    };
  },
}));

const { asWrite, mustReadOwnWrites, RECENT_WRITE_WINDOW_MS, recentWriteUntil } =
  await import("@/lib/db/read-your-writes");

const now = 1_800_000_000_000;
const readsPrimary = (cookie: string | undefined, inRequest = true) => {
  request.cookie = cookie;
  request.inRequest = inRequest;
  return mustReadOwnWrites(now);
};

describe("whether a read must see the reader's own writes", () => {
  it("holds for the window after the browser's last write, and not after it", async () => {
    expect(await readsPrimary(String(recentWriteUntil(now)))).toBe(true);
    expect(await readsPrimary(String(now + RECENT_WRITE_WINDOW_MS - 1))).toBe(true);
    expect(await readsPrimary(String(now))).toBe(false);
    expect(await readsPrimary(undefined)).toBe(false);
  });

  it("does not let a hand-made cookie pin a browser to the primary for longer", async () => {
    expect(await readsPrimary(String(now + RECENT_WRITE_WINDOW_MS * 100))).toBe(false);
    expect(await readsPrimary("soon")).toBe(false);
  });

  it("holds throughout a write, and never outside a request", async () => {
    expect(await asWrite(() => readsPrimary(undefined))).toBe(true);
    expect(await readsPrimary(String(recentWriteUntil(now)), false)).toBe(false);
  });
});
