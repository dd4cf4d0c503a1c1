import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { APP_ROLE } from "./create-client";
import { db } from "./index";

/** A transaction whose queries row-level security limits to one scope. */
export type ScopedDb = Prisma.TransactionClient;

export type Scope = {
  /** The organization of a verified membership: tenant tables show only its rows. */
  organizationId?: string;
  /** The signed-in user: their own memberships and audit entries across organizations. */
  userId?: string;
  /** The signed-in user's (lower-cased) address: invitations sent to it. */
  userEmail?: string;
  /** SHA-256 of an invitation link token: that one invitation, whatever its organization. */
  invitationTokenHash?: string;
  /** SHA-256 of a bearer API key: that one key, read-only, whatever its organization. */
  apiKeyHash?: string;
  /** A Stripe customer id from a signature-verified webhook: finds its subscription row. */
  stripeCustomerId?: string;
  /** The billing reconciliation job: every subscription row, read-only. */
  billingSweep?: boolean;
};

const settings: Record<keyof Scope, string> = {
  organizationId: "app.org_id",
  userId: "app.user_id",
  userEmail: "app.user_email",
  invitationTokenHash: "app.invitation_token_hash",
  apiKeyHash: "app.api_key_hash",
  stripeCustomerId: "app.stripe_customer_id",
  billingSweep: "app.billing_sweep",
};

/**
 * Runs `fn` in one transaction whose row-level security scope is `scope`. The settings
 * are transaction-local (set_config's third argument), so they end with the transaction
 * and a pooled connection never carries one request's organization into the next.
 *
 * Only call it with values the server established itself (a membership row, the
 * session): the policies trust them completely. How long it may wait for a connection
 * and stay open comes from the client (lib/db/create-client.ts): every wait is bounded.
 */
export async function withScope<T>(scope: Scope, fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    // Also when the connection already runs as the app role: the embedded database's
    // connections share one session, and this keeps the role to this transaction there.
    if (!rowSecurityBypassed()) await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
    for (const [key, name] of Object.entries(settings) as [keyof Scope, string][]) {
      const raw = scope[key];
      const value = raw === true ? "on" : raw;
      if (value) await tx.$executeRaw`SELECT set_config(${name}, ${value}, true)`;
    }
    return fn(tx);
  });
}

/**
 * Moves an open scoped transaction into `organizationId`, for the two moments the
 * organization is only known mid-transaction: right after creating it, and after an
 * invitation token has identified it.
 */
export async function enterOrganization(tx: ScopedDb, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.org_id', ${organizationId}, true)`;
}

/**
 * Takes the organization's row lock until the transaction ends. Business rules that count
 * and then write (plan limits, the last owner) call it before counting, so concurrent
 * requests for one organization check and write one after the other instead of all
 * passing the same check. NO KEY UPDATE conflicts with itself and with changes to the row,
 * not with rows that merely reference it (a new project, an audit entry).
 */
export async function lockOrganization(tx: ScopedDb, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organizationId} FOR NO KEY UPDATE`;
}

/** `fn` inside one organization: the usual way the data layer reaches tenant tables. */
export function withTenant<T>(
  organizationId: string,
  fn: (tx: ScopedDb) => Promise<T>,
): Promise<T> {
  return withScope({ organizationId }, fn);
}

// Test-only switches for the isolation matrix, ignored outside the test runner:
// - keelBypassRowSecurity: scoped transactions keep the login role (a superuser in tests),
//   so the matrix proves the data layer's own checks hold without row-level security.
// - keelDropTenantFilter: see inOrganization below.
const testSwitches = globalThis as unknown as {
  keelBypassRowSecurity?: boolean;
  keelDropTenantFilter?: boolean;
};
const inTests = env.NODE_ENV === "test";

function rowSecurityBypassed(): boolean {
  return inTests && testSwitches.keelBypassRowSecurity === true;
}

/**
 * The organization condition every tenant query carries in its `where`, in addition to
 * row-level security. (keelDropTenantFilter removes it in tests, so the isolation matrix
 * can prove that row-level security holds without it.) Spread it into the where clause: `{ id, ...inOrganization(orgId) }`.
 */
export function inOrganization(organizationId: string): { organizationId: string } {
  if (inTests && testSwitches.keelDropTenantFilter === true) {
    return {} as { organizationId: string };
  }
  return { organizationId };
}
