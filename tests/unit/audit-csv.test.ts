import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/audit-log/export";

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
});
