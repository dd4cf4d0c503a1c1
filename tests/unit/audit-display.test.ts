import { describe, expect, it } from "vitest";
import { auditFilterQuery, describeAuditAction, hasAuditFilter } from "@/lib/audit/display";

describe("audit log display", () => {
  it("turns an action name into a sentence", () => {
    expect(describeAuditAction("member.role_changed")).toBe("Member role changed");
    expect(describeAuditAction("org.created")).toBe("Org created");
  });

  it("keeps the filter in page links, without empty values or page 1", () => {
    const filter = { actor: "u1", action: "", from: "2026-01-01" };
    expect(auditFilterQuery(filter)).toBe("actor=u1&from=2026-01-01");
    expect(auditFilterQuery(filter, 1)).toBe("actor=u1&from=2026-01-01");
    expect(auditFilterQuery(filter, 3)).toBe("actor=u1&from=2026-01-01&page=3");
    expect(auditFilterQuery({}, 2)).toBe("page=2");
  });

  it("knows whether anything is filtered", () => {
    expect(hasAuditFilter({})).toBe(false);
    expect(hasAuditFilter({ to: "2026-02-01" })).toBe(true);
  });
});
