/**
 * A local, stateful stand-in for the part of the Stripe API the app uses, so billing runs
 * in development and tests with no Stripe account and no network. The official SDK
 * talks to it unchanged:
 *
 *   new Stripe("sk_test_emulator", { host: "127.0.0.1", port, protocol: "http" })
 *
 * It serves `/v1` (API key required), hosted checkout / portal / invoice pages, and
 * unauthenticated test controls under `/_emulator/`. It is a development tool: it binds
 * to 127.0.0.1 only and must never be pointed at by production configuration.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { handleApi } from "./api";
import {
  completeCheckout,
  endTrial,
  failRenewal,
  renew,
  type Outcome,
  payOpenInvoice,
  trialWillEnd,
  updateSubscription,
} from "./billing";
import { enterPromotionCode } from "./checkout-promotion";
import { EmulatorCore, NO_REQUEST } from "./core";
import { endTrialCanceled, endTrialUnpaid } from "./trial-end";
import { EmulatorError, type StripeErrorBody, unknownRoute } from "./errors";
import { decodeForm, type FormObject } from "./form-decode";
import { newId } from "./ids";
import { idOf } from "./objects";
import {
  checkoutPage,
  indexPage,
  invoicePage,
  notFoundPage,
  portalPage,
  successUrl,
} from "./pages";
import { type EmulatorSnapshot, snapshot } from "./state";

export type { EmulatorSnapshot } from "./state";

export type StripeEmulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Where signed events are POSTed, e.g. http://127.0.0.1:3000/api/webhooks/stripe. */
  webhookUrl?: string;
  /** The `whsec_…` secret deliveries are signed with. */
  webhookSecret: string;
  /** Base URL browsers use for checkout and portal pages; defaults to http://localhost:<port>. */
  publicUrl?: string;
  /** JSON file to load state from at start and save to after each change. */
  stateFile?: string;
  log?: (line: string) => void;
};

export type StripeEmulator = {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Stops accepting requests and waits for queued webhook deliveries to finish. */
  stop(): Promise<void>;
  /** A copy of everything the emulator holds, for assertions. */
  state(): EmulatorSnapshot;
  /** Resolves once every queued webhook delivery has been attempted. */
  settled(): Promise<void>;
};

/** Request bodies beyond this are refused; the app's requests are a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/** How many idempotent responses to remember; the SDK keys every POST. */
const IDEMPOTENCY_CACHE_SIZE = 1000;

type Reply =
  | { kind: "json"; status: number; body: object; headers?: Record<string, string> }
  | { kind: "html"; status: number; html: string }
  | { kind: "redirect"; location: string };

/** `params` is the request's decoded parameters as JSON: Stripe refuses a key reused with others. */
type CachedResponse = {
  method: string;
  path: string;
  params: string;
  status: number;
  body: string;
};

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const log = options.log ?? (() => {});
  const core = new EmulatorCore({
    publicUrl: options.publicUrl ?? "",
    webhookUrl: options.webhookUrl,
    webhookSecret: options.webhookSecret,
    stateFile: options.stateFile,
    log,
  });
  const idempotency = new Map<string, CachedResponse>();

  const server = http.createServer((request, response) => {
    handle(core, idempotency, request, response, log).catch((error: unknown) => {
      log(
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent) {
        sendJson(response, 500, {
          error: { type: "api_error", message: "Internal emulator error." },
        });
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  core.config.publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  log(`Stripe emulator listening on ${url}`);

  return {
    url,
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await core.queue.idle();
      server.closeAllConnections();
      await closed;
    },
    state: () => snapshot(core.data),
    settled: () => core.queue.idle(),
  };
}

async function handle(
  core: EmulatorCore,
  idempotency: Map<string, CachedResponse>,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  let body: string;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof EmulatorError) {
      sendJson(response, error.status, error.body());
      return;
    }
    throw error;
  }
  const form = isForm(request) ? decodeForm(body) : {};
  const query = decodeForm(url.search);

  let reply: Reply;
  try {
    if (path.startsWith("/v1/")) {
      reply = handleV1(core, idempotency, request, method, path, method === "POST" ? form : query);
    } else {
      reply = await handlePage(core, method, path, { ...query, ...form });
    }
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    reply = { kind: "json", status: error.status, body: error.body() };
  }
  log(`${method} ${path} → ${reply.kind === "redirect" ? 303 : reply.status}`);
  send(response, reply);
}

function handleV1(
  core: EmulatorCore,
  idempotency: Map<string, CachedResponse>,
  request: http.IncomingMessage,
  method: string,
  path: string,
  params: FormObject,
): Reply {
  const authError = checkAuthorization(request.headers.authorization);
  if (authError) return { kind: "json", status: 401, body: authError };

  const requestId = newId("req", 14);
  const key = header(request, "idempotency-key");
  if (key && method === "POST") {
    const cached = idempotency.get(key);
    if (cached) {
      if (cached.method !== method || cached.path !== path) {
        throw new EmulatorError(
          400,
          "idempotency_error",
          `Keys for idempotent requests can only be used for the same endpoint. This key was used for ${cached.method} ${cached.path}.`,
        );
      }
      if (cached.params !== JSON.stringify(params)) {
        throw new EmulatorError(
          400,
          "idempotency_error",
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      return {
        kind: "json",
        status: cached.status,
        body: JSON.parse(cached.body) as object,
        headers: { "Idempotent-Replayed": "true", "Request-Id": requestId },
      };
    }
  }

  const result = handleApi(core, {
    method,
    path,
    params,
    origin: { requestId, idempotencyKey: key ?? null },
  });
  if (key && method === "POST") {
    idempotency.set(key, {
      method,
      path,
      params: JSON.stringify(params),
      status: result.status,
      body: JSON.stringify(result.body),
    });
    if (idempotency.size > IDEMPOTENCY_CACHE_SIZE) {
      const oldest = idempotency.keys().next().value;
      if (oldest !== undefined) idempotency.delete(oldest);
    }
  }
  return {
    kind: "json",
    status: result.status,
    body: result.body,
    headers: { "Request-Id": requestId },
  };
}

/**
 * Accepts `Bearer sk_test_…` (what the SDK sends) and HTTP Basic with the key as the
 * user name (what `curl -u sk_test_…:` sends). Live keys are refused.
 */
function checkAuthorization(value: string | undefined): StripeErrorBody | null {
  let key: string | undefined;
  if (value?.startsWith("Bearer ")) key = value.slice(7).trim();
  else if (value?.startsWith("Basic ")) {
    key = Buffer.from(value.slice(6), "base64").toString("utf8").split(":")[0];
  }
  if (key && /^sk_test_\S+$/.test(key)) return null;
  return {
    error: {
      type: "invalid_request_error",
      message: key
        ? `Invalid API Key provided: ${key.slice(0, 8)}****. The Stripe emulator accepts sk_test_ keys only.`
        : "You did not provide an API key. Send it as a Bearer token: Authorization: Bearer sk_test_…",
    },
  };
}

const SUBSCRIPTION_CONTROLS: Record<
  string,
  (core: EmulatorCore, id: string) => Outcome<Stripe.Subscription>
> = {
  fail_renewal: failRenewal,
  renew,
  pay_open_invoice: payOpenInvoice,
  trial_will_end: trialWillEnd,
  end_trial: endTrial,
  end_trial_unpaid: endTrialUnpaid,
  end_trial_canceled: endTrialCanceled,
};

async function handlePage(
  core: EmulatorCore,
  method: string,
  path: string,
  params: FormObject,
): Promise<Reply> {
  const parts = path.split("/").filter(Boolean).map(safeDecode);
  const [section, id, sub, subId, action] = parts;

  if (method === "GET" && parts.length === 0) {
    return { kind: "html", status: 200, html: indexPage(core) };
  }

  if (section === "checkout" && id) {
    const record = core.data.checkoutSessions[id];
    if (!record)
      return { kind: "html", status: 404, html: notFoundPage(`No checkout session ${id}.`) };
    if (method === "GET" && parts.length === 2) {
      return { kind: "html", status: 200, html: checkoutPage(core, record) };
    }
    if (method === "POST" && sub === "promotion" && parts.length === 3) {
      const code = typeof params.code === "string" ? params.code : "";
      const outcome = enterPromotionCode(core, id, code);
      // As a form post: back to the page on success, the page with the message otherwise.
      if (outcome.ok) return { kind: "redirect", location: `/checkout/${id}` };
      return {
        kind: "html",
        status: 400,
        html: checkoutPage(core, record, { code, error: outcome.message }),
      };
    }
    if (method === "POST" && sub === "pay" && parts.length === 3) {
      const outcome = completeCheckout(core, id);
      // The application's webhook handler has run before the browser lands on success_url.
      await outcome.delivered;
      const session = outcome.result;
      return {
        kind: "redirect",
        location: session.success_url ? successUrl(session) : `/checkout/${id}`,
      };
    }
  }

  if (section === "portal" && id) {
    const session = core.data.portalSessions[id];
    if (!session)
      return { kind: "html", status: 404, html: notFoundPage(`No portal session ${id}.`) };
    if (method === "GET" && parts.length === 2) {
      return { kind: "html", status: 200, html: portalPage(core, session) };
    }
    if (
      method === "POST" &&
      sub === "subscriptions" &&
      subId &&
      (action === "cancel" || action === "resume")
    ) {
      const subscription = core.data.subscriptions[subId];
      if (!subscription || idOf(subscription.customer) !== session.customer) {
        return {
          kind: "html",
          status: 404,
          html: notFoundPage(`No subscription ${subId} for this customer.`),
        };
      }
      const outcome = updateSubscription(
        core,
        subId,
        { cancel_at_period_end: action === "cancel" ? "true" : "false" },
        NO_REQUEST,
      );
      await outcome.delivered;
      return { kind: "redirect", location: `/portal/${id}` };
    }
  }

  if (section === "invoices" && id && method === "GET" && parts.length === 2) {
    const invoice = core.data.invoices[id];
    if (!invoice) return { kind: "html", status: 404, html: notFoundPage(`No invoice ${id}.`) };
    return { kind: "html", status: 200, html: invoicePage(core, invoice) };
  }

  if (section === "_emulator") return handleControl(core, method, parts.slice(1), params);

  throw unknownRoute(method, path);
}

/** Test controls. HTML forms pass `redirect=/` to come back to the index page. */
async function handleControl(
  core: EmulatorCore,
  method: string,
  parts: string[],
  params: FormObject,
): Promise<Reply> {
  const redirect =
    typeof params.redirect === "string" && /^\/(?!\/)/.test(params.redirect)
      ? params.redirect
      : null;
  const [kind, id, action] = parts;

  if (method === "GET" && kind === "state" && parts.length === 1) {
    return { kind: "json", status: 200, body: snapshot(core.data) };
  }
  if (method === "POST" && kind === "subscriptions" && id && action && parts.length === 3) {
    const control = SUBSCRIPTION_CONTROLS[action];
    if (control) {
      const outcome = control(core, id);
      await outcome.delivered;
      return redirect
        ? { kind: "redirect", location: redirect }
        : { kind: "json", status: 200, body: outcome.result };
    }
  }
  if (
    method === "POST" &&
    kind === "events" &&
    id &&
    action === "redeliver" &&
    parts.length === 3
  ) {
    const record = await core.redeliver(id);
    if (redirect) return { kind: "redirect", location: redirect };
    return {
      kind: "json",
      status: 200,
      body: {
        id: record.event.id,
        type: record.event.type,
        delivery: record.delivery,
        delivery_success: record.delivery === "succeeded",
        attempts: record.attempts,
        last_status: record.lastStatus,
        last_error: record.lastError,
      },
    };
  }
  throw unknownRoute(method, `/_emulator/${parts.join("/")}`);
}

/** Ids never need escaping; a malformed escape just fails to match anything. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isForm(request: http.IncomingMessage): boolean {
  return (header(request, "content-type") ?? "").startsWith("application/x-www-form-urlencoded");
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new EmulatorError(413, "invalid_request_error", "Request body too large."));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  response.end(text);
}

function send(response: http.ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case "json":
      sendJson(response, reply.status, reply.body, reply.headers);
      return;
    case "html":
      response.writeHead(reply.status, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": Buffer.byteLength(reply.html),
        "Cache-Control": "no-store",
      });
      response.end(reply.html);
      return;
    case "redirect":
      response.writeHead(303, { Location: reply.location, "Content-Length": 0 });
      response.end();
      return;
  }
}
