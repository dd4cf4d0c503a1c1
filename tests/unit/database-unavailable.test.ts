import { describe, expect, it } from "vitest";
import {
  databaseUnavailableResponse,
  isDatabaseUnavailable,
  isTenantMoving,
  TENANT_MOVING_MESSAGE,
} from "@/lib/db/unavailable";

/**
 * Which errors mean "the database is unavailable, try again" (503) rather than a bug or
 * bad input (500 or 4xx), in the shapes node-postgres, Prisma's driver adapter and
 * Prisma's client report them.
 */
describe("isDatabaseUnavailable", () => {
  it.each([
    ["pg-pool waiting for a connection", new Error("timeout exceeded when trying to connect")],
    ["a connection that timed out", new Error("Connection terminated due to connection timeout")],
    ["a query with no answer", new Error("Query read timeout")],
    ["a closed connection", new Error("Connection terminated unexpectedly")],
    ["statement_timeout", Object.assign(new Error("canceling statement"), { code: "57014" })],
    ["a connection exception", Object.assign(new Error("x"), { code: "08006" })],
    ["a refused socket", Object.assign(new Error("connect"), { code: "ECONNREFUSED" })],
    ["Prisma: no connection in time", Object.assign(new Error("x"), { code: "P2024" })],
    ["Prisma: a transaction that did not start", Object.assign(new Error("x"), { code: "P2028" })],
    [
      "an adapter error in a cause",
      new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } }),
    ],
    [
      "a SQLSTATE in Prisma's meta",
      Object.assign(new Error("x"), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { originalCode: "57P01" } } },
      }),
    ],
  ])("is true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("dup"), { code: "P2002" })],
    ["a row-level security refusal", Object.assign(new Error("x"), { code: "42501" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a string", "Query read timeout"],
    ["nothing", undefined],
  ])("is false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("answers 503 with Retry-After and a message that says what happened, for route handlers", async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = databaseUnavailableResponse(new Error("Query read timeout"));
      expect(response?.status).toBe(503);
      expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await response?.json()).error).toMatch(/temporarily unavailable/i);
      expect(databaseUnavailableResponse(new Error("bug"))).toBeNull();
    } finally {
      console.error = original;
    }
  });
});

describe("isTenantMoving", () => {
  const frozen = {
    originalCode: "KL503",
    originalMessage: "organization org_1 is being moved; try again in a moment",
    message: "organization org_1 is being moved; try again in a moment",
  };

  it("is true for the write freeze's SQLSTATE in Prisma's meta and in node-postgres' error", () => {
    const prisma = Object.assign(new Error("Invalid `prisma.project.create()` invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: frozen } },
    });
    expect(isTenantMoving(prisma)).toBe(true);
    const pg = Object.assign(new Error(frozen.message), { code: "KL503" });
    expect(isTenantMoving(pg)).toBe(true);
  });

  it("is false for a tenant database that does not answer, which carries the same code", () => {
    const unreachable = Object.assign(
      new Error("This organization's database is not answering. Please try again in a moment.", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      }),
      { code: "KL503" },
    );
    expect(isTenantMoving(unreachable)).toBe(false);
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
  });

  it("answers 503 with Retry-After and the maintenance message, for route handlers", async () => {
    const response = databaseUnavailableResponse(
      Object.assign(new Error(frozen.message), { code: "KL503" }),
    );
    expect(response?.status).toBe(503);
    expect(response?.headers.get("retry-after")).toBe("5");
    expect((await response?.json()).error).toBe(TENANT_MOVING_MESSAGE);
  });
});
