import http from "node:http";
import { runInContext, type ObservedContext } from "./context";
import { recordRequest } from "./metrics";
import { REQUEST_ID_HEADER } from "./request-id";

let installed = false;

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

// proxy.ts writes the request id after this hook runs: read it lazily.
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

// Ids folded and every 404 one label, so scanners cannot create a series per made-up path.
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
