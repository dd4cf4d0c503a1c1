import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerTracing } from "@/lib/observability/tracing";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * One tenant request as OpenTelemetry sees it: a tree rooted at the action, tagged with
 * the organization and user, with the database queries inside it.
 */

const exporter = new InMemorySpanExporter();
registerTracing(exporter);

const admin = adminDatabase();
afterAll(async () => {
  await admin.$disconnect();
});

let org: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;
beforeAll(async () => {
  org = await organization(admin, "traced");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
  await admin.project.create({ data: { organizationId: org.id, name: "Traced project" } });
});

const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

function descendants(root: ReadableSpan, spans: ReadableSpan[]): ReadableSpan[] {
  const children = spans.filter((span) => parentOf(span) === idOf(root));
  return children.flatMap((child) => [child, ...descendants(child, spans)]);
}

describe("a tenant request's trace", () => {
  it("is rooted at the action, carries the organization and user, and holds the queries", async () => {
    const { listProjectsAction } = await import("@/lib/projects/actions");
    callAs(owner.token, org.slug);
    tenantRequest.headers.set("x-request-id", "req-trace-0001");
    exporter.reset();

    const result = await listProjectsAction({});
    expect(result).toMatchObject({ ok: true });

    const spans = exporter.getFinishedSpans();
    const roots = spans.filter((span) => span.name === "project.list");
    expect(roots).toHaveLength(1);
    const root = roots[0]!;
    expect(parentOf(root)).toBeUndefined();
    expect(root.attributes).toMatchObject({
      "keel.organization.id": org.id,
      "keel.user.id": owner.id,
    });

    const inside = descendants(root, spans);
    // The SQL statements themselves, through the pg driver adapter, not only Prisma's operations.
    const queries = inside.filter((span) => span.name === "prisma:client:db_query");
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.map((span) => JSON.stringify(span.attributes)).join(" ")).toContain("Project");
    // Every span of the request is in this tree: none was left outside it.
    expect(spans.filter((span) => parentOf(span) === undefined)).toEqual([root]);
  });
});
