import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openRedisBackend, type RedisBackend, type RedisReply } from "./redis-backend";

/**
 * A local stand-in for Upstash Redis's REST API, so tests run the real
 * @upstash/redis and @upstash/ratelimit code against a real (or in-process) Redis:
 *
 * - `POST /` with a JSON command array → `{ result }`, or HTTP 400 `{ error }`;
 * - `POST /pipeline` → one `{ result } | { error }` per command, in order, not atomic;
 * - `POST /multi-exec` → the same, atomically (MULTI/EXEC);
 * - `Authorization: Bearer <token>` or 401.
 *
 * With `Upstash-Encoding: base64` (the client's default) every string in a reply is
 * base64-encoded except a top-level "OK", which is what the client decodes.
 *
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only
 * Upstash knows (stock Redis 7.0 refuses it). The proxy strips it from EVAL and SCRIPT
 * LOAD, and maps sha1(original) to sha1(stripped) so the client's EVALSHA still hits.
 */

export type UpstashProxyMode =
  /** Normal service. */
  | "ok"
  /** Connections are dropped as soon as a request arrives: Redis unreachable. */
  | "down"
  /** Requests are answered only after `delayMs` (default 10 s): Redis overloaded. */
  | "slow"
  /** Every request is answered 500 with an error body. */
  | "error";

export type UpstashProxy = {
  url: string;
  token: string;
  /** Unique per proxy: use it as the key prefix so parallel runs never share keys. */
  keyPrefix: string;
  /** Which Redis answers behind the proxy. */
  backend: string;
  /** Requests received so far, in any mode. */
  readonly requests: number;
  setMode(mode: UpstashProxyMode, options?: { delayMs?: number }): void;
  /** Stops listening (later requests are refused), deletes the run's keys, closes Redis. */
  close(): Promise<void>;
};

type Command = string[];

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

let announced = false;

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

/** A JSON command array as Redis arguments; throws on anything else. */
function toCommand(value: unknown): Command {
  if (!Array.isArray(value) || value.length === 0) throw new Error("ERR command must be an array");
  return value.map((arg: unknown) =>
    typeof arg === "string"
      ? arg
      : typeof arg === "number" || typeof arg === "boolean"
        ? String(arg)
        : JSON.stringify(arg),
  );
}

/** What the client expects back, per Upstash-Encoding. */
function encode(value: RedisReply, base64: boolean, topLevel = true): unknown {
  if (value === null || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item) => encode(item, base64, false));
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  if (!base64) return bytes.toString("utf8");
  // The client keeps a top-level "OK" as is and base64-decodes every other string.
  if (topLevel && typeof value === "string" && value === "OK") return "OK";
  return bytes.toString("base64");
}

export async function startUpstashProxy({
  token = randomBytes(16).toString("hex"),
  redisUrl,
  host = "127.0.0.1",
  port: listenPort = 0,
}: {
  token?: string;
  redisUrl?: string;
  host?: string;
  port?: number;
} = {}): Promise<UpstashProxy> {
  const backend: RedisBackend = await openRedisBackend(redisUrl);
  if (!announced) {
    announced = true;
    console.info(`[upstash-proxy] backend: ${backend.description}`);
  }

  // sha1 of a script as the client sent it → sha1 of the script Redis was given.
  const shaOf = new Map<string, string>();
  const stripScript = (script: string) => {
    const stripped = backend.acceptsShebang
      ? script.replace(/^#!lua\b[^\n]*/, "#!lua")
      : script.replace(/^#![^\n]*/, "");
    shaOf.set(sha1(script), sha1(stripped));
    return stripped;
  };

  /** Rewrites script commands for stock Redis; `after` restores what Upstash would answer. */
  const prepare = (command: Command): { args: Command; after?: (r: RedisReply) => RedisReply } => {
    const [name = "", first = "", ...rest] = command;
    switch (name.toUpperCase()) {
      case "EVAL":
      case "EVAL_RO":
        return { args: [name, stripScript(first), ...rest] };
      case "EVALSHA":
      case "EVALSHA_RO":
        return { args: [name, shaOf.get(first.toLowerCase()) ?? first, ...rest] };
      case "SCRIPT": {
        const sub = first.toUpperCase();
        if (sub === "LOAD" && rest[0] !== undefined) {
          const original = rest[0];
          return { args: [name, first, stripScript(original)], after: () => sha1(original) };
        }
        if (sub === "EXISTS") {
          return { args: [name, first, ...rest.map((sha) => shaOf.get(sha.toLowerCase()) ?? sha)] };
        }
      }
    }
    return { args: command };
  };

  const run = async (command: Command): Promise<RedisReply> => {
    const { args, after } = prepare(command);
    const result = await backend.command(args);
    return after ? after(result) : result;
  };

  let mode: UpstashProxyMode = "ok";
  let delayMs = 10_000;
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    requests += 1;
    if (mode === "down") {
      request.socket.destroy();
      return;
    }
    const raw = await readBody(request);
    if (request.headers.authorization !== `Bearer ${token}`) {
      return reply(response, 401, { error: "Unauthorized" });
    }
    if (mode === "error") {
      return reply(response, 500, { error: "ERR the test proxy is failing on purpose" });
    }
    if (mode === "slow") {
      await wait(delayMs);
      // The client gave up: a request it no longer waits for changes nothing.
      if (response.destroyed || request.socket.destroyed) return;
    }
    if (request.method !== "POST") return reply(response, 405, { error: "Method not allowed" });

    const base64 = String(request.headers["upstash-encoding"]).toLowerCase() === "base64";
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return reply(response, 400, { error: "ERR body is not JSON" });
    }

    const path = new URL(request.url ?? "/", "http://proxy").pathname.replace(/\/+$/, "");
    if (path === "") {
      try {
        return reply(response, 200, { result: encode(await run(toCommand(body)), base64) });
      } catch (error) {
        return reply(response, 400, { error: errorMessage(error) });
      }
    }
    if (path !== "/pipeline" && path !== "/multi-exec") {
      return reply(response, 404, { error: "Not found" });
    }
    let commands: Command[];
    try {
      if (!Array.isArray(body)) throw new Error("ERR a pipeline must be an array of commands");
      commands = body.map(toCommand);
    } catch (error) {
      return reply(response, 400, { error: errorMessage(error) });
    }
    if (path === "/pipeline") {
      const outcomes: unknown[] = [];
      for (const command of commands) {
        try {
          outcomes.push({ result: encode(await run(command), base64) });
        } catch (error) {
          outcomes.push({ error: errorMessage(error) });
        }
      }
      return reply(response, 200, outcomes);
    }
    try {
      const prepared = commands.map(prepare);
      const outcomes = await backend.transaction(prepared.map((p) => p.args));
      return reply(
        response,
        200,
        outcomes.map((outcome, i) => {
          if ("error" in outcome) return outcome;
          const after = prepared[i]?.after;
          return { result: encode(after ? after(outcome.result) : outcome.result, base64) };
        }),
      );
    } catch (error) {
      return reply(response, 400, { error: errorMessage(error) });
    }
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      reply(response, 500, { error: errorMessage(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(listenPort, host, resolve));
  const { port } = server.address() as AddressInfo;

  const keyPrefix = `keel-test:${randomBytes(6).toString("hex")}`;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    keyPrefix,
    backend: backend.description,
    get requests() {
      return requests;
    },
    setMode(next, options) {
      mode = next;
      delayMs = options?.delayMs ?? 10_000;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.deleteKeys(keyPrefix);
      await backend.close();
    },
  };
}
