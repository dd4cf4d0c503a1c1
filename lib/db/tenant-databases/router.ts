import "server-only";

import type { ScopedDb } from "../tenant";
import { placementOf } from "./placement";
import { noteOutage, noteRecovery } from "./outages";
import { tenantDatabaseClient, UnknownTenantDatabaseError } from "./pools";
import { TENANT_TABLES, type TenantModel } from "./tables";

export const TENANT_MODELS: readonly TenantModel[] = TENANT_TABLES.map(({ model }) => model);
const tenantModels = new Set<string>(TENANT_MODELS);

const NOTE_ORGANIZATION = Symbol("tenantRouter.noteOrganization");
const TENANT_CLIENT = Symbol("tenantRouter.tenantClient");
const MAIN_CLIENT = Symbol("tenantRouter.mainClient");

type Held = {
  tx: ScopedDb;
  databaseId: string;
  organizationId: string;
  finish(commit: boolean): Promise<void>;
};

export class TenantDatabaseUnavailableError extends Error {
  readonly code = "KL503";
  constructor(cause: unknown) {
    super("This organization's database is not answering. Please try again in a moment.", {
      cause,
    });
  }
}

const ROLLBACK = Symbol("rollback");

// An audit entry of no organization (a sign-in) belongs to the main database, whatever the scope.
function accountLevel(model: string, method: PropertyKey, args: unknown): boolean {
  if (model !== "auditLog" || (method !== "create" && method !== "createMany")) return false;
  const data = (args as { data?: unknown } | undefined)?.data;
  const rows = Array.isArray(data) ? data : [data];
  return rows.every(
    (row) => (row as { organizationId?: string | null } | undefined)?.organizationId == null,
  );
}

// Held open until the main transaction's work is done: both commit (tenant side first) or neither.
function holdTransaction(
  databaseId: string,
  organizationId: string,
  begin: (tx: ScopedDb) => Promise<void>,
  timeoutMs: number | undefined,
): Promise<Held> {
  return new Promise<Held>((resolveHeld, rejectHeld) => {
    let decide: (commit: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => (decide = resolve));
    let opened = false;
    const settled = tenantDatabaseClient(databaseId)
      .then((client) =>
        client.$transaction(
          async (tx) => {
            await begin(tx);
            opened = true;
            noteRecovery(databaseId);
            resolveHeld({
              tx,
              databaseId,
              organizationId,
              async finish(commit) {
                decide(commit);
                await settled;
              },
            });
            if (!(await decided)) throw ROLLBACK;
          },
          timeoutMs === undefined ? undefined : { timeout: timeoutMs },
        ),
      )
      .catch((error: unknown) => {
        if (error === ROLLBACK) return;
        if (opened) throw error;
        if (!(error instanceof UnknownTenantDatabaseError)) noteOutage(databaseId);
        rejectHeld(new TenantDatabaseUnavailableError(error));
      });
  });
}

export type RoutedTransaction = {
  client: ScopedDb;
  finish(commit: boolean): Promise<void>;
};

export function routeTenantModels(
  tx: ScopedDb,
  initialOrganizationId: string | undefined,
  begin: (tenantTx: ScopedDb, organizationId: string) => Promise<void>,
  timeoutMs?: number,
): RoutedTransaction {
  let organizationId = initialOrganizationId;
  let held: Promise<Held> | null = null;

  async function tenantSide(): Promise<ScopedDb> {
    if (!organizationId) return tx;
    const current = organizationId;
    const databaseId = await placementOf(tx, current);
    if (databaseId === null) return tx;
    held ??= holdTransaction(databaseId, current, (ttx) => begin(ttx, current), timeoutMs);
    const side = await held;
    if (side.organizationId !== current || side.databaseId !== databaseId) {
      throw new Error("A transaction reaches one organization's tenant database at most.");
    }
    return side.tx;
  }

  const delegates = new Map<string, unknown>();
  function delegate(model: string): unknown {
    let proxy = delegates.get(model);
    if (!proxy) {
      proxy = new Proxy(
        {},
        {
          get(_target, method) {
            return (...args: unknown[]) =>
              (accountLevel(model, method, args[0]) ? Promise.resolve(tx) : tenantSide()).then(
                (side) => {
                  const target = (side as unknown as Record<string, Record<PropertyKey, unknown>>)[
                    model
                  ];
                  const fn = target?.[method];
                  if (typeof fn !== "function")
                    throw new TypeError(`${model}.${String(method)} is not a function`);
                  return (fn as (...a: unknown[]) => unknown).apply(target, args);
                },
              );
          },
        },
      );
      delegates.set(model, proxy);
    }
    return proxy;
  }

  const client = new Proxy(tx, {
    get(target, property) {
      if (property === NOTE_ORGANIZATION) {
        return (id: string) => {
          organizationId = id;
        };
      }
      if (property === TENANT_CLIENT) return tenantSide;
      if (property === MAIN_CLIENT) return tx;
      if (typeof property === "string" && tenantModels.has(property)) return delegate(property);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });

  return {
    client,
    async finish(commit) {
      if (!held) return;
      const side = await held.catch(() => null);
      await side?.finish(commit);
    },
  };
}

/** Tells a routed transaction which organization it entered by SQL (see lib/tenancy/membership.ts). */
export function noteOrganization(tx: ScopedDb, organizationId: string): void {
  const note = (tx as unknown as Record<symbol, unknown>)[NOTE_ORGANIZATION];
  if (typeof note === "function") (note as (id: string) => void)(organizationId);
}

// For raw SQL on a tenant table; Prisma model calls are routed without this.
export function tenantClient(tx: ScopedDb): Promise<ScopedDb> {
  const side = (tx as unknown as Record<symbol, unknown>)[TENANT_CLIENT];
  return typeof side === "function" ? (side as () => Promise<ScopedDb>)() : Promise.resolve(tx);
}

// If so, raw SQL may join the users instead of reading names in a second round trip.
export async function tenantSideIsMain(tx: ScopedDb): Promise<boolean> {
  const main = (tx as unknown as Record<symbol, unknown>)[MAIN_CLIENT] ?? tx;
  return (await tenantClient(tx)) === main;
}
