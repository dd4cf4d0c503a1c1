import { createHash, randomUUID } from "node:crypto";
import { createClient, ErrorReply, MultiErrorReply, RESP_TYPES } from "@redis/client";
import RedisMock from "ioredis-mock";

/**
 * The Redis behind the test Upstash proxy: the machine's Redis when one answers
 * (TEST_REDIS_URL, else redis://127.0.0.1:6379), otherwise an in-process Redis
 * (ioredis-mock, which runs Lua scripts through fengari), so the tests pass the same
 * on a fresh laptop with no Redis at all.
 */

/** A Redis reply as it came off the wire: bulk strings as Buffers where the client allows. */
export type RedisReply = null | number | string | Buffer | RedisReply[];
export type RedisOutcome = { result: RedisReply } | { error: string };

export interface RedisBackend {
  /** For the log: which Redis answers. */
  readonly description: string;
  /** Whether scripts may start with a `#!lua` line (Redis 7 and later). */
  readonly acceptsShebang: boolean;
  /** Runs one command; a Redis error reply is thrown as an Error with Redis's message. */
  command(args: string[]): Promise<RedisReply>;
  /** Runs commands atomically (MULTI/EXEC), one outcome per command. */
  transaction(commands: string[][]): Promise<RedisOutcome[]>;
  /** Deletes every key that starts with `prefix` (the test run's namespace). */
  deleteKeys(prefix: string): Promise<void>;
  close(): Promise<void>;
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
}

/** The machine's Redis if it answers within a second, else the in-process one. */
export async function openRedisBackend(url = testRedisUrl()): Promise<RedisBackend> {
  try {
    return await connectRedis(url);
  } catch {
    return createInProcessBackend();
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function connectRedis(url: string): Promise<RedisBackend> {
  const client = createClient({
    url,
    socket: { connectTimeout: 1_000, reconnectStrategy: false },
  });
  // Failures surface on the commands; without a listener an "error" event would crash the run.
  client.on("error", () => {});
  // Bulk strings as raw bytes, so binary values cross the proxy unchanged.
  const options = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } };
  const send = (args: string[]) => client.sendCommand<RedisReply>(args, options);
  let info: string;
  try {
    await client.connect();
    // Also proves the server answers commands (not, say, NOAUTH for a password-protected one).
    info = String(await send(["INFO", "server"]));
  } catch (error) {
    client.destroy();
    throw error;
  }
  const version = /redis_version:(\d+)/.exec(info)?.[1];
  const { host, port } = new URL(url);

  return {
    description: `Redis ${version ?? "?"} at ${host}${port ? "" : ":6379"}`,
    acceptsShebang: Number(version) >= 7,
    command: send,
    async transaction(commands) {
      const multi = client.multi();
      for (const args of commands) multi.addCommand(args);
      let replies: unknown[];
      try {
        replies = await multi.exec();
      } catch (error) {
        // One failing command does not abort EXEC: the others have run; report each.
        if (!(error instanceof MultiErrorReply)) throw error;
        replies = error.replies;
      }
      return replies.map((reply) =>
        reply instanceof ErrorReply ? { error: reply.message } : { result: reply as RedisReply },
      );
    },
    async deleteKeys(prefix) {
      let cursor = "0";
      do {
        const reply = (await send(["SCAN", cursor, "MATCH", `${prefix}*`, "COUNT", "1000"])) as [
          Buffer,
          Buffer[],
        ];
        cursor = String(reply[0]);
        const keys = reply[1].map(String);
        if (keys.length > 0) await send(["DEL", ...keys]);
      } while (cursor !== "0");
    },
    close: async () => {
      await client.close();
    },
  };
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** ioredis-mock's replies in wire shape (it answers HGETALL with an object, for one). */
function toReply(value: unknown): RedisReply {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || Buffer.isBuffer(value)) {
    return value;
  }
  if (Array.isArray(value)) return value.map(toReply);
  if (typeof value === "object") return Object.entries(value).flat().map(toReply);
  return String(value);
}

function createInProcessBackend(): RedisBackend {
  // ioredis-mock shares data between instances with the same host: give this one its own.
  const mock = new RedisMock({ host: `keel-upstash-proxy-${randomUUID()}` });
  const methods = mock as unknown as Record<string, unknown>;
  const scripts = new Map<string, string>();

  const evaluate = async (script: string, rest: string[]) => {
    const [numKeys = "0", ...keysAndArgs] = rest;
    return mock.eval(script, Number(numKeys), ...keysAndArgs);
  };

  const run = async (args: string[]): Promise<RedisReply> => {
    const [name = "", ...rest] = args;
    const command = name.toUpperCase();
    if (command === "EVAL" || command === "EVAL_RO") {
      const [script = "", ...scriptArgs] = rest;
      scripts.set(sha1(script), script);
      return toReply(await evaluate(script, scriptArgs));
    }
    if (command === "EVALSHA" || command === "EVALSHA_RO") {
      const [sha = "", ...scriptArgs] = rest;
      const script = scripts.get(sha.toLowerCase());
      if (script === undefined) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return toReply(await evaluate(script, scriptArgs));
    }
    if (command === "SCRIPT") {
      const [sub = "", ...subArgs] = rest;
      switch (sub.toUpperCase()) {
        case "LOAD": {
          const script = subArgs[0] ?? "";
          scripts.set(sha1(script), script);
          return sha1(script);
        }
        case "EXISTS":
          return subArgs.map((sha) => (scripts.has(sha.toLowerCase()) ? 1 : 0));
        case "FLUSH":
          scripts.clear();
          return "OK";
      }
      throw new Error(`ERR unknown subcommand '${sub}'`);
    }
    const method = methods[name.toLowerCase()];
    if (typeof method !== "function") throw new Error(`ERR unknown command '${name}'`);
    return toReply(await (method as (...a: string[]) => Promise<unknown>).apply(mock, rest));
  };

  // One command at a time, like Redis: a script or a transaction is never interleaved.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => {});
    return result;
  };

  return {
    description: "in-process Redis (ioredis-mock)",
    acceptsShebang: false,
    command: (args) => serially(() => run(args)),
    transaction: (commands) =>
      serially(async () => {
        const outcomes: RedisOutcome[] = [];
        for (const args of commands) {
          try {
            outcomes.push({ result: await run(args) });
          } catch (error) {
            outcomes.push({ error: message(error) });
          }
        }
        return outcomes;
      }),
    deleteKeys: (prefix) =>
      serially(async () => {
        const keys = await mock.keys(`${prefix}*`);
        if (keys.length > 0) await mock.del(...keys);
      }),
    close: async () => {
      await serially(() => mock.flushall());
      mock.disconnect();
    },
  };
}
