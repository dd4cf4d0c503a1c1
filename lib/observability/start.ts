import { observeDatabasePools } from "./db-pool";
import { initErrorReporting, reportError } from "./errors";
import { observeRequests } from "./http-server";
import { logger } from "./logger";
import { registerTracing } from "./tracing";

export function startObservability(): void {
  registerTracing();
  initErrorReporting();
  observeRequests();
  observeDatabasePools();
}

type RequestInfo = { path: string; method: string };
type RequestErrorContext = { routerKind: string; routePath: string; routeType: string };

export function reportRequestError(
  error: unknown,
  request: RequestInfo,
  context: RequestErrorContext,
): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const fields = {
    ...(typeof digest === "string" ? { digest } : {}),
    method: request.method,
    path: request.path,
    routePath: context.routePath,
    routeType: context.routeType,
  };
  logger.error({ ...fields, err: error }, "[request] unhandled error");
  reportError(error, fields);
}
