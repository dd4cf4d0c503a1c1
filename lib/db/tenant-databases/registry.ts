import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "../create-client";
import { applyMigrations, tenantMigrationsDir } from "../migrate";
import { describeConnectionError } from "./connection-error";
import { TENANT_CONNECT_TIMEOUT_MS, TENANT_LOCK_TIMEOUT_MS } from "./migrate-all";
import { openUrlWith, sealUrlWith } from "./url-seal";

// Run with the owner's connection (`npm run tenant:db`): the app role may only read the registry.

export const tenantDatabaseName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    "a tenant database name is lowercase letters, digits and hyphens (at most 63)",
  );

const tenantDatabaseUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== "" && url.pathname.length > 1;
  } catch {
    return false;
  }
}, "the URL must be postgresql://user:password@host:port/database");

// Where a URL leads, so the same database is not registered twice under two names.
function target(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}/${decodeURIComponent(parsed.pathname.slice(1))}`;
}

type Result<T = object> = ({ ok: true } & T) | { ok: false; error: string };

// Migrated first, so the registry never names a database the app cannot use.
export async function addTenantDatabase(
  db: Database,
  input: { name: string; url: string },
  {
    secret,
    connectTimeoutMs = TENANT_CONNECT_TIMEOUT_MS,
    log = (_: string) => {},
  }: {
    secret: string | undefined;
    connectTimeoutMs?: number;
    log?: (line: string) => void;
  },
): Promise<Result<{ applied: string[] }>> {
  const name = tenantDatabaseName.safeParse(input.name);
  if (!name.success) return { ok: false, error: name.error.issues[0]!.message };
  if (!tenantDatabaseUrl.safeParse(input.url).success) {
    return { ok: false, error: "the URL must be postgresql://user:password@host:port/database" };
  }
  if (!secret) return { ok: false, error: "AUTH_SECRET is required to seal the URL." };
  const existing = await db.tenantDatabase.findMany({ select: { name: true, sealedUrl: true } });
  if (existing.some((row) => row.name === name.data)) {
    return { ok: false, error: `A tenant database named ${name.data} is already registered.` };
  }
  const wanted = target(input.url);
  for (const row of existing) {
    let url: string;
    try {
      url = openUrlWith(row.sealedUrl, secret);
    } catch {
      continue;
    }
    if (target(url) === wanted) {
      return { ok: false, error: `That database is already registered as ${row.name}.` };
    }
  }
  let applied: string[];
  try {
    ({ applied } = await applyMigrations(input.url, {
      dir: tenantMigrationsDir,
      connectTimeoutMs,
      lockTimeoutMs: TENANT_LOCK_TIMEOUT_MS,
      log,
    }));
  } catch (error) {
    return {
      ok: false,
      error: `Not registered: the tenant migrations failed on it (${describeConnectionError(error, input.url)}).`,
    };
  }
  try {
    await db.tenantDatabase.create({
      data: { name: name.data, sealedUrl: sealUrlWith(input.url, secret) },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: `A tenant database named ${name.data} is already registered.` };
    }
    throw error;
  }
  return { ok: true, applied };
}

export type TenantDatabaseListing = { name: string; status: string; organizations: number };

export async function listTenantDatabases(db: Database): Promise<TenantDatabaseListing[]> {
  const rows = await db.tenantDatabase.findMany({
    orderBy: { name: "asc" },
    select: { name: true, status: true, _count: { select: { organizations: true } } },
  });
  return rows.map((row) => ({
    name: row.name,
    status: row.status,
    organizations: row._count.organizations,
  }));
}

/** Closed: kept for the organizations still in it and still migrated, given no new ones. */
export async function closeTenantDatabase(
  db: Database,
  name: string,
): Promise<Result<{ changed: boolean; organizations: number }>> {
  const row = await db.tenantDatabase.findUnique({
    where: { name },
    select: { id: true, status: true, _count: { select: { organizations: true } } },
  });
  if (!row) return { ok: false, error: `No tenant database named ${name} is registered.` };
  if (row.status !== "CLOSED") {
    await db.tenantDatabase.update({ where: { id: row.id }, data: { status: "CLOSED" } });
  }
  return { ok: true, changed: row.status !== "CLOSED", organizations: row._count.organizations };
}

export function formatTenantDatabaseList(rows: TenantDatabaseListing[]): string {
  if (rows.length === 0) return "No tenant databases registered.";
  const table = [
    ["name", "status", "organizations"],
    ...rows.map((r) => [r.name, r.status, String(r.organizations)]),
  ];
  const widths = [0, 1].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  return table
    .map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`)
    .join("\n");
}
