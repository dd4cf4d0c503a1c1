export async function register() {
  // NEXT_RUNTIME is a build-time constant, not configuration.
  // eslint-disable-next-line no-restricted-syntax, no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsupportedMethods } = await import("./lib/http/method-guard");
    refuseUnsupportedMethods();
    const { startObservability } = await import("./lib/observability/start");
    startObservability();
  }
}

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
