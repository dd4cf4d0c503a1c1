import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { APP_ROLE, transactionTimeoutSettings, type Database } from "./create-client";
import { databaseTimeouts, db } from "./index";
import { lagTolerantRead } from "./read-routing";
import { noteOrganization, routeTenantModels } from "./tenant-databases/router";
import { testSwitches } from "./test-switches";

export type ScopedDb = Prisma.TransactionClient;

export type Scope = {
  organizationId?: string;
  userId?: string;
  userEmail?: string;
  invitationTokenHash?: string;
  apiKeyHash?: string;
  stripeCustomerId?: string;
  billingSweep?: boolean;
  /** Read-only access across organizations, for the operator console after its staff check. */
  platformRead?: boolean;
};

const settings: Record<keyof Scope, string> = {
  organizationId: "app.org_id",
  userId: "app.user_id",
  userEmail: "app.user_email",
  invitationTokenHash: "app.invitation_token_hash",
  apiKeyHash: "app.api_key_hash",
  stripeCustomerId: "app.stripe_customer_id",
  billingSweep: "app.billing_sweep",
  platformRead: "app.platform_read",
};

// Role, settings and timeouts are transaction-local, so no pooled connection carries one request's
// organization into the next; the role is set even if held (the embedded database has one
// session). Pass only server-established values: the policies trust them completely.
export async function withScope<T>(
  scope: Scope,
  fn: (tx: ScopedDb) => Promise<T>,
  // `replica`: a lag-tolerant read, READ ONLY on a replica when configured (read-routing.ts).
  options: ScopeOptions = {},
): Promise<T> {
  const pairs = scopeSettings(scope, { readOnly: options.replica });
  const transaction = (client: Database) =>
    client.$transaction(
      async (tx) => {
        // A dedicated database's side runs in the same scope and commits just before this one.
        const routed = routeTenantModels(
          tx,
          scope.organizationId,
          (tenantTx, organizationId) =>
            applyScope(tenantTx, { ...scope, organizationId }, { readOnly: options.replica }),
          options.timeoutMs,
        );
        let result: T;
        try {
          if (options.open) await options.open(routed.client, pairs);
          else await applySettings(tx, pairs);
          result = await fn(routed.client);
        } catch (error) {
          await routed.finish(false);
          throw error;
        }
        await routed.finish(true);
        return result;
      },
      options.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs },
    );
  return options.replica ? lagTolerantRead(transaction) : transaction(db);
}

export type ScopeOptions = {
  timeoutMs?: number;
  replica?: boolean;
  // The first statement, applying `settings` itself (lib/tenancy/membership.ts); it runs under
  // the session's timeouts (startup packet, or the pooler login's role defaults).
  open?: (tx: ScopedDb, settings: string[]) => Promise<void>;
};

export async function applyScope(
  tx: ScopedDb,
  scope: Scope,
  options: { readOnly?: boolean } = {},
): Promise<void> {
  await applySettings(tx, scopeSettings(scope, options));
}

export function scopeSettings(scope: Scope, { readOnly = false }: { readOnly?: boolean } = {}) {
  const pairs: string[] = testSwitches().bypassRowSecurity ? [] : ["role", APP_ROLE];
  if (readOnly) pairs.push("transaction_read_only", "on");
  for (const [key, name] of Object.entries(settings) as [keyof Scope, string][]) {
    const raw = scope[key];
    const value = raw === true ? "on" : raw;
    if (value) pairs.push(name, value);
  }
  for (const [name, value] of transactionTimeoutSettings(databaseTimeouts())) {
    pairs.push(name, value);
  }
  return pairs;
}

async function applySettings(tx: ScopedDb, pairs: string[]): Promise<void> {
  const calls = [];
  for (let i = 1; i < pairs.length; i += 2) calls.push(`set_config($${i}, $${i + 1}, true)`);
  await tx.$executeRawUnsafe(`SELECT ${calls.join(", ")}`, ...pairs);
}

// For an organization known only mid-transaction: just created, or found by an invitation token.
export async function enterOrganization(tx: ScopedDb, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.org_id', ${organizationId}, true)`;
  noteOrganization(tx, organizationId);
}

// Call before count-then-write rules (plan limits, last owner) so concurrent requests serialize;
// NO KEY UPDATE does not block rows that merely reference the organization.
export async function lockOrganization(tx: ScopedDb, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR NO KEY UPDATE`;
}

// Pages pass the member's shared `read`, so every read of a page is one transaction.
export type TenantRead = <T>(fn: (tx: ScopedDb) => Promise<T>) => Promise<T>;

export function withTenant<T>(
  organizationId: string,
  fn: (tx: ScopedDb) => Promise<T>,
): Promise<T> {
  return withScope({ organizationId }, fn);
}

export function inOrganizationSql(organizationId: string): Prisma.Sql {
  const scoped = inOrganization(organizationId).organizationId;
  return scoped ? Prisma.sql`"organizationId" = ${scoped}` : Prisma.sql`TRUE`;
}

/** A Date as the UTC wall time the `timestamp(3)` columns hold, for raw SQL comparisons. */
export function utcTimestampSql(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString()}::timestamp`;
}

// Added to every tenant `where` on top of row-level security.
export function inOrganization(organizationId: string): { organizationId: string } {
  if (testSwitches().dropTenantFilter) {
    return {} as { organizationId: string };
  }
  return { organizationId };
}
