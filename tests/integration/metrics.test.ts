import { request as httpRequest, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminDatabase } from "../support/admin-db";
import { captureLogs } from "../support/log-capture";

/**
 * /api/metrics as Prometheus and a prober meet it: hidden without the token, and with it
 * the request, job, webhook, rate-limit and pool series, none labelled by organization.
 */

const TOKEN = "metrics-token-for-tests-0123456789";
const admin = adminDatabase();
const kind = `metrics-test-${Date.now().toString(36)}`;
let server: Server;

async function loadRoute(token: string | undefined) {
  vi.resetModules();
  if (token) vi.stubEnv("METRICS_TOKEN", token);
  else vi.stubEnv("METRICS_TOKEN", "");
  return import("@/app/api/metrics/route");
}

const scrape = (route: Awaited<ReturnType<typeof loadRoute>>, authorization?: string) =>
  route.GET(
    new Request("http://localhost:3000/api/metrics", {
      headers: authorization ? { authorization } : {},
    }),
  );

function get(path: string, headers: Record<string, string> = {}): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  // What instrumentation.ts starts before the first request.
  const { observeRequests } = await import("@/lib/observability/http-server");
  const { observeDatabasePools } = await import("@/lib/observability/db-pool");
  const { logger } = await import("@/lib/observability/logger");
  observeRequests();
  observeDatabasePools();
  server = createServer((request, response) => {
    logger.info("handled");
    response.statusCode = request.url?.startsWith("/projects/") ? 200 : 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
  await admin.outboxMessage.deleteMany({ where: { kind } });
  await admin.$disconnect();
});

describe("/api/metrics", () => {
  it("does not exist without METRICS_TOKEN, or for a wrong or missing token", async () => {
    const unset = await loadRoute(undefined);
    expect((await scrape(unset, `Bearer ${TOKEN}`)).status).toBe(404);
    const set = await loadRoute(TOKEN);
    expect((await scrape(set)).status).toBe(404);
    expect((await scrape(set, "Bearer wrong-token-wrong-token-000000")).status).toBe(404);
    expect((await scrape(set, `Bearer ${TOKEN}x`)).status).toBe(404);
    expect((await scrape(set, TOKEN)).status).toBe(404);
  });

  it("exposes requests, jobs, webhook lag, rate-limit refusals and pool usage", async () => {
    const route = await loadRoute(TOKEN);
    const org = await admin.organization.create({
      data: { slug: `metrics-${Date.now().toString(36)}`, name: "Metrics" },
    });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await admin.outboxMessage.createMany({
      data: [
        { kind, payload: { organizationId: org.id }, createdAt: hourAgo },
        { kind, payload: {} },
        { kind, payload: {}, status: "DEAD" },
      ],
    });

    const logs = captureLogs();
    expect(
      await get("/projects/clx0123456789abcdefghijkl", { "x-request-id": "req-metrics-01" }),
    ).toBe(200);
    expect(await get("/no-such-page-3f9a")).toBe(404);
    logs.restore();
    // The server hook gives each request its context: the id the proxy forwarded.
    expect(logs.entries()[0]).toMatchObject({ msg: "handled", requestId: "req-metrics-01" });

    const { consumeRateLimit } = await import("@/lib/rate-limit");
    const key = `metrics-${Date.now()}@example.test`;
    for (let i = 0; i < 4; i++) await consumeRateLimit("verificationEmail", key);
    const { recordWebhookLag } = await import("@/lib/observability/metrics");
    recordWebhookLag("invoice.paid", Math.floor(Date.now() / 1000) - 42);
    const response = await scrape(route, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();

    expect(text).toMatch(
      /keel_http_requests_total\{route="\/projects\/:id",method="GET",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /keel_http_requests_total\{route="unmatched",method="GET",status="404"\} [1-9]/,
    );
    expect(text).toMatch(/keel_http_request_duration_seconds_count\{route="\/projects\/:id"/);
    expect(text).toContain(`keel_jobs{kind="${kind}",status="PENDING"} 2`);
    expect(text).toContain(`keel_jobs{kind="${kind}",status="DEAD"} 1`);
    const age = new RegExp(
      `keel_job_oldest_pending_age_seconds\\{kind="${kind}"\\} ([0-9.]+)`,
    ).exec(text);
    expect(Number(age?.[1])).toBeGreaterThanOrEqual(3_590);
    expect(text).toMatch(
      /keel_rate_limit_refusals_total\{policy="verificationEmail",reason="limited"\} [1-9]/,
    );
    expect(text).toMatch(/keel_stripe_webhook_lag_seconds_count\{type="invoice.paid"\} [1-9]/);
    expect(text).toMatch(/keel_db_pool_connections\{state="total"\} \d+/);
    // Read while a transaction holds a connection (the embedded database serves one
    // connection at a time, so this reads the gauge alone rather than scraping it all).
    const { metrics } = await import("@/lib/observability/metrics");
    const during = await admin.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      return metrics.registry.getSingleMetricAsString("keel_db_pool_connections");
    });
    const pool = (state: string) =>
      Number(new RegExp(`keel_db_pool_connections\\{state="${state}"\\} (\\d+)`).exec(during)?.[1]);
    expect(pool("total") - pool("idle")).toBeGreaterThanOrEqual(1);
    expect(pool("waiting")).toBeGreaterThanOrEqual(0);
    // Cardinality: organizations belong in logs and traces, never in labels.
    expect(text).not.toContain(org.id);
    expect(text).not.toContain("organization");
  });
});
