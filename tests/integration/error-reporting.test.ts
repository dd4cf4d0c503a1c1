import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { memberAction } from "@/lib/actions/chain";
import { flushErrorReports, initErrorReporting } from "@/lib/observability/errors";
import { adminDatabase } from "../support/admin-db";
import { captureLogs } from "../support/log-capture";
import { callAs, organization, tenantRequest, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * An unexpected error in a server action, as Sentry receives it: one event, tagged with
 * the organization, user and request id, and with no secret in it. The DSN points at a
 * capture server on loopback.
 */

type Envelope = { headers: Record<string, string | string[] | undefined>; body: string };
const envelopes: Envelope[] = [];
let server: Server;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
}

/** The event items of an envelope: newline-separated JSON, header then item pairs. */
function eventsIn(body: string): Record<string, unknown>[] {
  const lines = body.split("\n").filter((line) => line.trim() !== "");
  const events: Record<string, unknown>[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    const item = JSON.parse(lines[i]!) as { type?: string };
    if (item.type === "event") events.push(JSON.parse(lines[i + 1]!) as Record<string, unknown>);
  }
  return events;
}

const linkToken = "Zt3x0ymQpL9v8kWreporttoken";
const password = "correct-horse-battery-staple-report";
const stripeKey = ["sk", "live", "9rT5uV7wX1yZ3aB5cD7eF9gH"].join("_");

const admin = adminDatabase();
let org: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      envelopes.push({ headers: request.headers, body });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  expect(initErrorReporting(`http://publickey@127.0.0.1:${port}/1`)).toBe(true);
  org = await organization(admin, "reported");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await admin.$disconnect();
});

const explodingAction = memberAction(
  "test.explode",
  "projects:read",
  z.strictObject({ password: z.string() }),
  async ({ password: given }) => {
    const error = new Error(
      `could not reach https://keel.example/reset-password?token=${linkToken} with ${stripeKey}`,
    );
    Object.assign(error, { config: { password: given, apiKey: stripeKey } });
    throw error;
  },
);

describe("an unexpected error in a server action", () => {
  it("reaches Sentry once, tagged with the organization, user and request id, without secrets", async () => {
    callAs(owner.token, org.slug);
    tenantRequest.headers.set("x-request-id", "req-report-0001");
    tenantRequest.headers.set("authorization", `Bearer ${stripeKey}`);
    const logs = captureLogs();
    const result = await explodingAction({ password });
    logs.restore();
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(await flushErrorReports(5_000)).toBe(true);

    const events = envelopes.flatMap((envelope) => eventsIn(envelope.body));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tags: {
        organization: org.id,
        organization_slug: org.slug,
        user: owner.id,
        request_id: "req-report-0001",
      },
    });
    const sent = envelopes.map((envelope) => envelope.body).join("\n");
    expect(sent).toContain("could not reach");
    for (const secret of [linkToken, password, stripeKey, owner.token]) {
      expect(sent).not.toContain(secret);
    }
    // The log line of the same failure carries the same request id.
    expect(logs.at("error")).toContainEqual(
      expect.objectContaining({ requestId: "req-report-0001", organizationId: org.id }),
    );
    expect(logs.text()).not.toContain(stripeKey);
  });
});
