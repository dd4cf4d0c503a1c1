import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { APP_ROLE } from "./create-client";
import { db } from "./index";
import { testSwitches } from "./test-switches";

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
  stripeCustomerId: "app.stripe_customer_id",
  billingSweep: "app.billing_sweep",
};

/**
 * Runs `fn` in one transaction whose row-level security scope is `scope`. The role and
 * the settings are transaction-local (set_config's third argument) and set in a single
 * statement, so they end with the transaction and a pooled connection never carries one
 * request's organization into the next. The role is taken even where the connection
 * already has it: on the embedded database every connection shares one session.
 *
 * Only call it with values the server established itself (a membership row, the
 * session): the policies trust them completely. Every wait is bounded by the client.
 */
export async function withScope<T>(scope: Scope, fn: (tx: ScopedDb) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await applyScope(tx, scope);
    return fn(tx);
  });
}

/** The role and the scope's settings, in one round trip. */
export async function applyScope(tx: ScopedDb, scope: Scope): Promise<void> {
  const pairs: string[] = testSwitches().bypassRowSecurity ? [] : ["role", APP_ROLE];
  for (const [key, name] of Object.entries(settings) as [keyof Scope, string][]) {
    const raw = scope[key];
    const value = raw === true ? "on" : raw;
    if (value) pairs.push(name, value);
  }
  if (pairs.length === 0) return;
  const calls = [];
  for (let i = 1; i < pairs.length; i += 2) calls.push(`set_config($${i}, $${i + 1}, true)`);
  await tx.$executeRawUnsafe(`SELECT ${calls.join(", ")}`, ...pairs);
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

/**
 * The organization condition every tenant query carries in its `where`, in addition to
 * row-level security: `{ id, ...inOrganization(orgId) }`.
 */
export function inOrganization(organizationId: string): { organizationId: string } {
  if (testSwitches().dropTenantFilter) {
    return {} as { organizationId: string };
  }
  return { organizationId };
}
