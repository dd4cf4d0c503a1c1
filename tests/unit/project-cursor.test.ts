import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/projects/cursor";

describe("project list cursors", () => {
  it("round-trips a project's position", () => {
    const cursor = { createdAt: new Date("2026-01-01T00:04:00.123Z"), id: "cm0abc123" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("ignores anything hand-edited into something else", () => {
    for (const value of [
      "",
      "abc",
      "1.",
      ".id",
      "1.x y",
      "1.a;b",
      "9999999999999999.id",
      ["1.a"],
    ]) {
      expect(decodeCursor(value)).toBeUndefined();
    }
  });
});
