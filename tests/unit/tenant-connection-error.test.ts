import { describe, expect, it } from "vitest";
import { describeConnectionError } from "@/lib/db/tenant-databases/connection-error";

// The migration report is pasted into tickets and CI logs: a tenant database's URL carries the
// customer's database password, so no failure reason may repeat it.

const url = "postgresql://acme_owner:p%40ss-w0rd!@db.acme.example:6543/acme?sslmode=require";

describe("describeConnectionError", () => {
  it("removes the URL and the decoded password wherever the driver quoted them", () => {
    const reason = describeConnectionError(
      new Error(`could not connect to ${url}\nat Client.connect`),
      url,
    );
    expect(reason).toBe("could not connect to <url>");
    const quoted = describeConnectionError(
      new Error('password "p@ss-w0rd!" rejected; see postgres://other:secret@h/db'),
      url,
    );
    expect(quoted).toBe('password "<password>" rejected; see <url>');
  });

  it("keeps what the operator needs: the driver's reason, or its code when it gave none", () => {
    expect(describeConnectionError(new Error('database "acme" does not exist'), url)).toBe(
      'database "acme" does not exist',
    );
    const refused = Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" });
    expect(describeConnectionError(refused, url)).toBe("ECONNREFUSED");
  });
});
