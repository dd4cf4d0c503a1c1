import client from "prom-client";

// Labels stay low-cardinality: never an organization or user id.

type Metrics = ReturnType<typeof createMetrics>;

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "keel_process_" });
  const requests = new client.Counter({
    name: "keel_http_requests_total",
    help: "Requests answered, by route and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const requestDuration = new client.Histogram({
    name: "keel_http_request_duration_seconds",
    help: "Time from the request to the end of the response, by route and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const webhookLag = new client.Histogram({
    name: "keel_stripe_webhook_lag_seconds",
    help: "Time from a Stripe event's creation to its processing here.",
    labelNames: ["type"] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 86400],
    registers: [registry],
  });
  const jobFailures = new client.Counter({
    name: "keel_job_failures_total",
    help: "Job attempts that failed, by kind and outcome (retry or dead).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const rateLimitRefusals = new client.Counter({
    name: "keel_rate_limit_refusals_total",
    help: "Requests refused by a rate limit, by policy and reason (limited or unavailable).",
    labelNames: ["policy", "reason"] as const,
    registers: [registry],
  });
  const apiCalls = new client.Counter({
    name: "keel_api_calls_total",
    help: "/api/v1 answers of authorized calls, by the caller's plan tier and status class.",
    labelNames: ["plan", "status"] as const,
    registers: [registry],
  });
  return {
    registry,
    requests,
    requestDuration,
    webhookLag,
    jobFailures,
    rateLimitRefusals,
    apiCalls,
  };
}

// Kept across development reloads: a second registration throws.
const globalForMetrics = globalThis as unknown as { keelMetrics?: Metrics };
export const metrics: Metrics = (globalForMetrics.keelMetrics ??= createMetrics());

export function recordRequest(
  labels: { route: string; method: string; status: number },
  seconds: number,
): void {
  const values = { ...labels, status: String(labels.status) };
  metrics.requests.inc(values);
  metrics.requestDuration.observe(values, seconds);
}

export function recordWebhookLag(type: string, createdAtSeconds: number, now = Date.now()): void {
  metrics.webhookLag.observe({ type }, Math.max(0, now / 1000 - createdAtSeconds));
}

export function recordApiAnswer(plan: string, status: number): void {
  metrics.apiCalls.inc({ plan, status: `${Math.floor(status / 100)}xx` });
}

export function recordJobFailure(kind: string, outcome: "retry" | "dead"): void {
  metrics.jobFailures.inc({ kind, outcome });
}

export function recordRateLimitRefusal(policy: string, reason: string): void {
  metrics.rateLimitRefusals.inc({ policy, reason });
}

type Collect = (set: (labels: Record<string, string>, value: number) => void) => unknown;

export function registerCollector(
  name: string,
  help: string,
  labelNames: string[],
  collect: Collect,
): void {
  if (metrics.registry.getSingleMetric(name)) metrics.registry.removeSingleMetric(name);
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      await collect((labels, value) => this.set(labels, value));
    },
  });
}
