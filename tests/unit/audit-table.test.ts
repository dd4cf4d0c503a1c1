import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditTable } from "@/app/org/[slug]/settings/audit/_components/audit-table";
import type { AuditEntryView } from "@/lib/audit-log/query";

const planted: AuditEntryView = {
  id: "a1",
  action: "project.created",
  createdAt: new Date("2026-03-01T10:00:00.000Z"),
  ipAddress: "203.0.113.7",
  targetType: "project",
  targetId: "p1",
  metadata: { name: "<img src=x onerror=alert(1)>" },
  actor: { id: "u1", name: "<b>Eve</b>", email: "eve@example.com" },
  targetUser: null,
};

function render(entries: AuditEntryView[]) {
  return renderToStaticMarkup(createElement(AuditTable, { entries, filtered: false }));
}

describe("the audit log table", () => {
  it("shows names that look like HTML as text, in the sentence and the details", () => {
    const html = render([planted]);
    expect(html).toContain(
      "&lt;b&gt;Eve&lt;/b&gt; created the project &lt;img src=x onerror=alert(1)&gt;.",
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
  });

  it("keeps the recorded action, target, IP address and metadata behind a Details toggle", () => {
    const details = /<details[^>]*><summary[^>]*>Details<\/summary>([\s\S]*)<\/details>/.exec(
      render([planted]),
    )?.[1];
    expect(details).toContain("project.created");
    expect(details).toContain("project p1");
    expect(details).toContain("203.0.113.7");
    expect(details).toContain("&quot;name&quot;: &quot;&lt;img src=x onerror=alert(1)&gt;&quot;");
  });
});
