import { describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER, auditCsvRow, csvCell } from "@/lib/audit-log/export";
import type { AuditEntryView } from "@/lib/audit-log/query";

const roleChange: AuditEntryView = {
  id: "a1",
  action: "member.role_changed",
  createdAt: new Date("2026-03-01T10:00:00.000Z"),
  ipAddress: "203.0.113.7",
  targetType: "user",
  targetId: "u2",
  metadata: { email: "grace@example.com", from: "MEMBER", to: "ADMIN" },
  actor: { id: "u1", name: "Ada Lovelace", email: "ada@example.com" },
  targetUser: { id: "u2", name: "Grace Hopper", email: "grace@example.com" },
};

describe("audit log CSV cells", () => {
  it("leaves plain values alone", () => {
    expect(csvCell("member.invited")).toBe("member.invited");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('Acme, "Labs"')).toBe('"Acme, ""Labs"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses values a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    for (const start of ["+", "-", "@"]) expect(csvCell(`${start}1`)).toBe(`'${start}1`);
  });

  it("ends each row with the entry as a sentence, after the columns it always had", () => {
    expect(AUDIT_CSV_HEADER).toBe(
      "time,action,actor,target_type,target_id,ip_address,details,summary",
    );
    expect(auditCsvRow(roleChange)).toBe(
      "2026-03-01T10:00:00.000Z,member.role_changed,ada@example.com,user,u2,203.0.113.7," +
        '"{""email"":""grace@example.com"",""from"":""MEMBER"",""to"":""ADMIN""}",' +
        "Ada Lovelace changed Grace Hopper’s role from Member to Admin.",
    );
  });

  it("defuses a sentence that starts with a name chosen to be a formula", () => {
    const row = auditCsvRow({
      ...roleChange,
      actor: { id: "u1", name: "=HYPERLINK(1)", email: "eve@example.com" },
    });
    expect(row.endsWith(",'=HYPERLINK(1) changed Grace Hopper’s role from Member to Admin.")).toBe(
      true,
    );
  });
});
