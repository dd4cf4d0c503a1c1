/** Runs once when the server starts, before it answers a request. */
export async function register() {
  // NEXT_RUNTIME is a build-time constant of Next.js, not configuration: the guard hooks
  // Node's HTTP server, which only the Node.js runtime has.
  // eslint-disable-next-line no-restricted-syntax, no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsupportedMethods } = await import("./lib/http/method-guard");
    refuseUnsupportedMethods();
    // Logs, traces (OTEL_EXPORTER_OTLP_*), error reports (SENTRY_DSN) and metrics.
    const { startObservability } = await import("./lib/observability/start");
    startObservability();
  }
}

/** Errors that escaped every handler: logged with their context, and sent to Sentry when set. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string; routeType: string },
) {
  // eslint-disable-next-line no-restricted-syntax, no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { reportRequestError } = await import("./lib/observability/start");
    reportRequestError(error, request, context);
  }
}
