import { logger } from "@/lib/observability/logger";

/**
 * Whether an error means the database is unavailable (unreachable, not answering, out of
 * connections, or a statement or transaction cut off by a timeout) rather than that the
 * request or the code is wrong. Such errors pass: the caller answers 503 with
 * Retry-After, not 500, and the pool replaces the connections it lost on its own.
 *
 * The same failure reaches us in several shapes: node-postgres errors (a message, a
 * socket error code, a SQLSTATE), the same wrapped by Prisma's driver adapter (a kind and
 * the original code) or by Prisma's client (a P-code). Every layer of the error is looked at.
 */

/** How long clients are asked to wait before trying again (Retry-After, in seconds). */
export const RETRY_AFTER_SECONDS = 5;

/** The message users see while the database is unavailable. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The service is temporarily unavailable. Please try again in a moment.";

// Prisma: can't reach, timed out, server closed the connection, no connection from the
// pool in time, a transaction that could not start or was closed by its timeout.
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// Prisma's driver adapter error kinds for the same.
const adapterKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// PostgreSQL: query canceled (statement_timeout), idle-in-transaction timeout, server
// shutting down or starting, too many connections, and the connection-exception class.
const sqlStates = new Set(["57014", "25P03", "57P01", "57P02", "57P03", "53300"]);
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
// node-postgres and pg-pool report these with a message only.
const messages =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Unable to start a transaction in the given time|Transaction already closed/;

function layers(error: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || found.includes(next)) continue;
    found.push(next);
    const record = next as Record<string, unknown>;
    queue.push(record.cause, record.meta, record.driverAdapterError, record.error);
  }
  return found;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return layers(error).some((layer) => {
    const { code, originalCode, kind, message } = layer as Record<string, unknown>;
    for (const value of [code, originalCode]) {
      if (typeof value !== "string") continue;
      if (prismaCodes.has(value) || sqlStates.has(value) || socketCodes.has(value)) return true;
      // SQLSTATE class 08: connection exceptions.
      if (/^08[0-9A-Z]{3}$/.test(value)) return true;
    }
    if (typeof kind === "string" && adapterKinds.has(kind)) return true;
    return typeof message === "string" && messages.test(message);
  });
}

/**
 * The JSON answer for a route handler whose database is unavailable: 503 with
 * Retry-After, or null when `error` is something else (left to surface as a 500).
 */
export function databaseUnavailableResponse(error: unknown): Response | null {
  if (!isDatabaseUnavailable(error)) return null;
  logger.error({ err: error }, "[db] database unavailable");
  return Response.json(
    { error: DATABASE_UNAVAILABLE_MESSAGE },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
