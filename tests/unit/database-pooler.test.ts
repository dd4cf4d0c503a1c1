import { describe, expect, it } from "vitest";
import { behindPooler, clientOptionsFor } from "@/lib/db/profile";

const direct = "postgresql://keel@db.example:5432/keel";
const pooled = "postgresql://keel_web@db-pooler.example:6432/keel";

describe("whether DATABASE_URL goes through a transaction pooler", () => {
  it("is so only when DIRECT_URL names another connection", () => {
    expect(behindPooler({ databaseUrl: pooled, directUrl: direct })).toBe(true);
    expect(behindPooler({ databaseUrl: direct, directUrl: direct })).toBe(false);
    expect(behindPooler({ databaseUrl: direct, directUrl: undefined })).toBe(false);
    expect(behindPooler({ databaseUrl: direct, directUrl: "" })).toBe(false);
  });

  it("keeps the app role on the server profile, and the embedded one never pools", () => {
    expect(clientOptionsFor("server", { pooled: true })).toMatchObject({
      role: "keel_app",
      pooled: true,
    });
    expect(clientOptionsFor("server")).toMatchObject({ role: "keel_app", pooled: false });
    expect(clientOptionsFor("embedded", { pooled: true }).pooled).toBeUndefined();
  });
});
