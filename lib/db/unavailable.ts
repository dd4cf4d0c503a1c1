import { logger } from "@/lib/observability/logger";

// An unavailable database answers 503 with Retry-After, not 500. pg, Prisma's adapter and
// Prisma's client each wrap the failure differently, so every layer of the error is checked.

export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The service is temporarily unavailable. Please try again in a moment.";

const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const adapterKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// KL503: an organization's tenant database does not answer (lib/db/tenant-databases/router.ts).
const sqlStates = new Set(["57014", "25P03", "57P01", "57P02", "57P03", "53300", "KL503"]);
const socketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
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
      if (/^08[0-9A-Z]{3}$/.test(value)) return true;
    }
    if (typeof kind === "string" && adapterKinds.has(kind)) return true;
    return typeof message === "string" && messages.test(message);
  });
}

export function databaseUnavailableResponse(error: unknown): Response | null {
  if (!isDatabaseUnavailable(error)) return null;
  logger.error({ err: error }, "[db] database unavailable");
  return Response.json(
    { error: DATABASE_UNAVAILABLE_MESSAGE },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
