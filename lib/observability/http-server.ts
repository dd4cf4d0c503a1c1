import http from "node:http";
import { runInContext, type ObservedContext } from "./context";
import { recordRequest } from "./metrics";
import { REQUEST_ID_HEADER } from "./request-id";

let installed = false;

/**
 * Gives every request the Node server receives its own context (filled in later by the
 * action chain, the member lookup and the job runner) and counts it in the request
 * metrics when the response ends. Installed from instrumentation.ts, like the method
 * guard; on hosts that bring their own server the context starts in those places instead.
 */
export function observeRequests(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    const forward = () =>
      (emit as (event: string | symbol, ...args: unknown[]) => boolean).apply(this, [
        event,
        ...args,
      ]);
    if (event !== "request") return forward();
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    const started = performance.now();
    const store = requestStore(request);
    response.once("finish", () => {
      const status = response.statusCode;
      const route = store.route ?? routeOf(request.url ?? "/", status);
      const method = (request.method ?? "GET").toUpperCase();
      recordRequest({ route, method, status }, (performance.now() - started) / 1000);
    });
    return runInContext(store, forward);
  } as typeof emit;
}

/**
 * The request id is the one proxy.ts decides and writes into the request's headers,
 * which happens after this hook: read it when a log line asks.
 */
function requestStore(request: http.IncomingMessage): ObservedContext {
  let requestId: string | undefined;
  const store: ObservedContext = {};
  Object.defineProperty(store, "requestId", {
    enumerable: true,
    get: () => requestId ?? headerValue(request.headers[REQUEST_ID_HEADER]),
    set: (value: string | undefined) => {
      requestId = value;
    },
  });
  return store;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const idSegment = /^(?:\d+|c[a-z0-9]{20,}|[0-9a-f-]{32,36}|[A-Za-z0-9_-]{22,})$/;

/**
 * A metrics label for a request no code named: the path without query, ids folded, and
 * every 404 as one label, so scanners cannot create a series per made-up path.
 */
export function routeOf(url: string, status: number): string {
  if (status === 404) return "unmatched";
  const path = url.split("?")[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next";
  const folded = path
    .split("/")
    .map((segment) => (idSegment.test(segment) ? ":id" : segment))
    .slice(0, 5)
    .join("/");
  return folded || "/";
}
