import { logger } from "@/lib/observability/logger";

export const RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The service is temporarily unavailable. Please try again in a moment.";

export const TENANT_MOVING_MESSAGE =
  "This organization is being moved to its own database; changes are paused for a moment. Please try again shortly.";

// SQLSTATE the write-freeze triggers raise (prisma/migrations/20261201094835_hybrid_tenancy).
const TENANT_FROZEN_SQLSTATE = "KL503";
const tenantFrozenMessage = /is being moved; try again in a moment/;

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

// pg, Prisma's adapter and client each wrap a failure differently: every layer is checked.
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

// The message is checked too: an unreachable tenant database carries the same code.
export function isTenantMoving(error: unknown): boolean {
  return layers(error).some((layer) => {
    const { code, originalCode, message } = layer as Record<string, unknown>;
    const frozen = code === TENANT_FROZEN_SQLSTATE || originalCode === TENANT_FROZEN_SQLSTATE;
    return frozen && typeof message === "string" && tenantFrozenMessage.test(message);
  });
}

export function databaseUnavailableResponse(error: unknown): Response | null {
  if (isTenantMoving(error))
    return Response.json(
      { error: TENANT_MOVING_MESSAGE },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  if (!isDatabaseUnavailable(error)) return null;
  logger.error({ err: error }, "[db] database unavailable");
  return Response.json(
    { error: DATABASE_UNAVAILABLE_MESSAGE },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
