import http from "node:http";
import { ALLOWED_METHODS } from "./request-guards";

let installed = false;

/**
 * Answers TRACE, TRACK and other methods nothing here serves with 405 before Next.js sees
 * them. Next builds a fetch `Request` for proxy.ts, and the fetch standard forbids TRACE
 * and TRACK: the constructor throws and the visitor gets a 500. So the check sits on the
 * Node server's request event itself (installed from instrumentation.ts, once, before
 * the first request). proxy.ts refuses the other unknown methods the same way.
 */
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
