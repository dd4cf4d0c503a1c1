import { expect } from "vitest";
import type { Database } from "@/lib/db/create-client";
import { setTestSwitches } from "@/lib/db/test-switches";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { can, type Permission } from "@/lib/tenancy/permissions";
import { fakeRequest } from "./request";
import { actors, createWorld, snapshot, type Actor, type OrgKey, type World } from "./world";

/**
 * The isolation matrix: every tenant operation × actors {owner of A, member of A, owner
 * of B, anonymous, an API key of A} × the organization whose host the request is sent to ×
 * the organization the object belongs to. Whether a case is allowed follows from three facts
 * only: the actor belongs to the host's organization, their role has the operation's
 * permission, and the object belongs to that same organization. For /api/v1 the key alone
 * names the organization: only the key, and only on its own organization's objects, on any host. Every denied case must
 * answer 401/403/404 and leave both organizations exactly as they were.
 *
 * Every request also carries forged headers naming the object's organization (a
 * forwarded host, tenant ids, Next's internal subrequest header): if the app trusted
 * any of them, a denied case would go through.
 */

export type Outcome = { ok: boolean; status: number; data?: unknown };

export type Prepared = {
  /** What the caller sends (form fields or JSON). */
  input: unknown;
  /** A string only this object's data contains: a read of the other organization must not show it. */
  marker?: string;
};

export type Operation = {
  /** The action's label as passed to memberAction (or "METHOD /api/path" for routes). */
  name: string;
  kind: "read" | "list" | "create" | "update" | "delete";
  permission: Permission;
  /** Set for /api/v1 operations: authenticated by the bearer key alone, with this scope. */
  bearer?: ApiKeyScope;
  /**
   * True when the input names an object (an id) that may belong to either organization;
   * false when the operation acts on the host's organization as a whole (list, create,
   * settings), so only the host varies.
   */
  targetsObject: boolean;
  /** Creates what the call needs inside `org` (with the admin client) and returns its input. */
  prepare: (env: { admin: Database; world: World; org: OrgKey }) => Promise<Prepared>;
  call: (input: unknown) => Promise<Outcome>;
};

export type Mode = "app checks only" | "row-level security only" | "without the proxy";

const denied = [401, 403, 404];

function hostOf(world: World, org: OrgKey): string {
  return `${world.orgs[org].slug}.localhost:3000`;
}

function sendAs(world: World, actor: Actor, host: OrgKey, object: OrgKey) {
  const target = world.orgs[object];
  fakeRequest.cookie =
    actor === "anonymous" || actor === "keyA" ? undefined : world.users[actor].token;
  fakeRequest.headers = new Headers({
    ...(actor === "keyA" ? { authorization: `Bearer ${world.apiKeyA}` } : {}),
    host: hostOf(world, host),
    "x-real-ip": "198.51.100.23",
    "x-forwarded-host": hostOf(world, object),
    "x-tenant-id": target.id,
    "x-organization-id": target.id,
    "x-keel-org": target.slug,
    "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
  });
}

export function isAllowed(world: World, actor: Actor, host: OrgKey, object: OrgKey, op: Operation) {
  if (op.bearer) return actor === "keyA" && object === "A";
  const role = world.roles[actor][host];
  return role !== undefined && can(role, op.permission) && object === host;
}

type Case = { actor: Actor; host: OrgKey; object: OrgKey; allowed: boolean };

export function casesFor(world: World, op: Operation): Case[] {
  const cases: Case[] = [];
  for (const actor of actors) {
    for (const host of ["A", "B"] as const) {
      // A v1 list or create acts on the key's organization (A) whatever the host.
      const whole: OrgKey = op.bearer ? "A" : host;
      const objects = op.targetsObject ? (["A", "B"] as const) : [whole];
      for (const object of objects) {
        cases.push({ actor, host, object, allowed: isAllowed(world, actor, host, object, op) });
      }
    }
  }
  // Denied cases first: allowed ones may delete or hand over what later cases need.
  return cases.sort((a, b) => Number(a.allowed) - Number(b.allowed));
}

/** Runs one operation's matrix on a world of its own and returns how many cases ran. */
export async function runOperation(admin: Database, op: Operation): Promise<number> {
  const world = await createWorld(admin);
  const cases = casesFor(world, op);
  for (const c of cases) {
    const label = `${op.name}: ${c.actor} on ${c.host}'s host, ${c.object}'s object`;
    const prepared = await op.prepare({ admin, world, org: c.object });
    // The other organization's object of the same kind, which a read must never show.
    const foreign = await op.prepare({ admin, world, org: c.object === "A" ? "B" : "A" });
    const before = await snapshot(admin, world);
    sendAs(world, c.actor, c.host, c.object);
    const outcome = await op.call(prepared.input);
    if (c.allowed) {
      // Allowed means it ran: done, or refused by a business rule (the last owner cannot
      // leave), never an authorization answer and never a crash.
      expect(
        outcome.ok || [409, 422].includes(outcome.status),
        `${label} should be allowed, got ${outcome.status}`,
      ).toBe(true);
      if (foreign.marker && outcome.ok) {
        expect(
          JSON.stringify(outcome.data ?? null),
          `${label} shows the other organization`,
        ).not.toContain(foreign.marker);
      }
    } else {
      expect(denied, `${label} should be denied, got ${outcome.status}`).toContain(outcome.status);
      expect(await snapshot(admin, world), `${label} changed data`).toBe(before);
    }
  }
  return cases.length;
}

/** Switches one wall off for a run, and back on afterwards. */
export function modeSwitches(mode: Mode, admin: Database) {
  const g = globalThis as unknown as { keelDb?: Database };
  let savedDb: Database | undefined;
  return {
    on() {
      savedDb = g.keelDb;
      if (mode === "app checks only") {
        // A superuser connection and no SET ROLE: row-level security does not apply.
        setTestSwitches({ bypassRowSecurity: true });
        g.keelDb = admin;
      }
      if (mode === "row-level security only") setTestSwitches({ dropTenantFilter: true });
    },
    off() {
      setTestSwitches({ bypassRowSecurity: false, dropTenantFilter: false });
      if (savedDb) g.keelDb = savedDb;
      else delete g.keelDb;
    },
  };
}
