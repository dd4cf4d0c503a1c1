import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for Resend's API, enough for the `resend` SDK's `emails.send`:
 * `POST /emails` with a JSON body and `Authorization: Bearer …`, answering
 * `200 { id }` or an error body `{ statusCode, name, message }`.
 *
 * Like Resend, it de-duplicates by the `Idempotency-Key` header: a request with a
 * key it has accepted before answers the first response again and delivers nothing.
 * It can be told to fail (500, nothing accepted) or to be slow (accepts and records
 * the message at once, answers only after a delay, so a client with a shorter
 * timeout gives up on a message that was in fact delivered).
 */

export type CapturedEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  receivedAt: Date;
};

export type MailCaptureServer = {
  url: string;
  /** Messages accepted for delivery, once each. */
  deliveries: CapturedEmail[];
  /** Every `POST /emails` received, accepted or not. */
  requests: number;
  /** While on, every request answers 500 and delivers nothing. */
  setFailing: (failing: boolean) => void;
  /** While set, accepted requests are answered only after this many ms. */
  setDelay: (ms: number | null) => void;
  /**
   * While set, every request is refused with a 422 `validation_error` whose message this
   * function writes from the request body (providers quote the field they reject).
   */
  setRejecting: (message: ((body: Body) => string) | null) => void;
  /** Forgets deliveries, idempotency keys and modes. */
  reset: () => void;
  close: () => Promise<void>;
};

type Body = Record<string, unknown>;

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: http.ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function error(response: http.ServerResponse, statusCode: number, name: string, message: string) {
  reply(response, statusCode, { statusCode, name, message });
}

export async function startMailCaptureServer(): Promise<MailCaptureServer> {
  let failing = false;
  let delayMs: number | null = null;
  let rejecting: ((body: Body) => string) | null = null;
  const byKey = new Map<string, { id: string }>();
  const timers = new Set<NodeJS.Timeout>();

  const state: MailCaptureServer = {
    url: "",
    deliveries: [],
    requests: 0,
    setFailing: (on) => {
      failing = on;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setRejecting: (message) => {
      rejecting = message;
    },
    reset: () => {
      failing = false;
      delayMs = null;
      rejecting = null;
      byKey.clear();
      state.deliveries.length = 0;
      state.requests = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const respondLater = (response: http.ServerResponse, body: unknown) => {
    if (delayMs === null) return reply(response, 200, body);
    const timer = setTimeout(() => {
      timers.delete(timer);
      reply(response, 200, body);
    }, delayMs);
    timers.add(timer);
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.method !== "POST" || request.url !== "/emails") {
        return error(response, 404, "not_found", "Route not found.");
      }
      state.requests += 1;
      const raw = await readBody(request);
      if (!/^Bearer \S+/.test(request.headers.authorization ?? "")) {
        return error(
          response,
          401,
          "missing_api_key",
          "Missing API key in the authorization header.",
        );
      }
      if (failing) {
        return error(response, 500, "internal_server_error", "An unexpected error occurred.");
      }
      let body: Body;
      try {
        body = JSON.parse(raw) as Body;
      } catch {
        return error(response, 400, "validation_error", "Body is not JSON.");
      }
      if (rejecting) return error(response, 422, "validation_error", rejecting(body));
      const { from, to, subject } = body;
      if (typeof from !== "string" || (typeof to !== "string" && !Array.isArray(to))) {
        return error(response, 422, "validation_error", "Missing `from` or `to` field.");
      }
      if (typeof subject !== "string") {
        return error(response, 422, "missing_required_field", "Missing `subject` field.");
      }

      const header = request.headers["idempotency-key"];
      const idempotencyKey = typeof header === "string" ? header : null;
      const previous = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      if (previous) return respondLater(response, previous);

      const accepted = { id: randomUUID() };
      if (idempotencyKey) byKey.set(idempotencyKey, accepted);
      state.deliveries.push({
        id: accepted.id,
        idempotencyKey,
        from,
        to: to as string | string[],
        subject,
        html: typeof body.html === "string" ? body.html : undefined,
        text: typeof body.text === "string" ? body.text : undefined,
        receivedAt: new Date(),
      });
      respondLater(response, accepted);
    })().catch(() => error(response, 500, "application_error", "Capture server error."));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  return state;
}
