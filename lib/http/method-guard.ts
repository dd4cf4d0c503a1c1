import http from "node:http";
import { ALLOWED_METHODS } from "./request-guards";

let installed = false;

// Fetch's Request throws on TRACE/TRACK before proxy.ts runs (a 500): refuse on Node's event.
export function refuseUnsupportedMethods(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (!ALLOWED_METHODS.includes((request.method ?? "").toUpperCase())) {
        response.writeHead(405, {
          allow: ALLOWED_METHODS.join(", "),
          "content-type": "application/json",
          "cache-control": "no-store",
        });
        response.end(JSON.stringify({ error: "This method is not allowed." }));
        return true;
      }
    }
    return (emit as (event: string | symbol, ...args: unknown[]) => boolean).apply(this, [
      event,
      ...args,
    ]);
  } as typeof emit;
}
