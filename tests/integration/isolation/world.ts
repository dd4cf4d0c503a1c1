import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/create-client";
import { createSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/generated/prisma/enums";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api-keys/format";
import { apiKeyScopes } from "@/lib/api-keys/scopes";
import {
  createDedicatedDatabase,
  placeOrganization,
  type DedicatedDatabase,
} from "../../support/dedicated-tenant";

/**
 * Two organizations, A and B, and the actors of the isolation matrix: A's owner, A's
 * member, B's owner, an anonymous visitor, and an API key of A with every scope. Built with the admin client, because no
 * single scope of the app may write to two organizations.
 */
export type OrgKey = "A" | "B";
export type Actor = "ownerA" | "memberA" | "ownerB" | "anonymous" | "keyA";
export const actors: readonly Actor[] = ["ownerA", "memberA", "ownerB", "anonymous", "keyA"];
export type Person = Exclude<Actor, "anonymous" | "keyA">;

export type World = {
  tag: string;
  /**
   * Where each organization's tenant rows are, read as the login role: A's in the main
   * database, B's in a dedicated one (README, "Hybrid tenancy").
   */
  tenantAdmin: Record<OrgKey, Database>;
  orgs: Record<OrgKey, { id: string; slug: string; name: string }>;
  users: Record<Person, { id: string; email: string; token: string }>;
  /** The secret of keyA, a key of organization A. */
  apiKeyA: string;
  /** Each actor's role in each organization, if any. */
  roles: Record<Actor, Partial<Record<OrgKey, Role>>>;
};

const membershipsOf: Record<Person, [OrgKey, Role]> = {
  ownerA: ["A", "OWNER"],
  memberA: ["A", "MEMBER"],
  ownerB: ["B", "OWNER"],
};

let dedicated: Promise<DedicatedDatabase> | undefined;
let placeBInDedicated = true;

/**
 * The walls test keeps both organizations in the main database: there only the walls stand
 * between them, while a dedicated database would keep them apart on its own.
 */
export function keepBothOrganizationsPooled(): void {
  placeBInDedicated = false;
}

/** One dedicated database per test file, holding organization B of every world. */
function dedicatedDatabase(admin: Database): Promise<DedicatedDatabase> {
  dedicated ??= createDedicatedDatabase(admin, `isolation-${randomBytes(4).toString("hex")}`);
  return dedicated;
}

export async function dropDedicatedDatabase(): Promise<void> {
  const created = dedicated;
  dedicated = undefined;
  await (await created)?.drop();
}

export async function createWorld(admin: Database): Promise<World> {
  const tag = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const orgs = {} as World["orgs"];
  for (const key of ["A", "B"] as const) {
    orgs[key] = await admin.organization.create({
      data: { slug: `iso-${key.toLowerCase()}-${tag}`, name: `Org ${key} ${tag}` },
      select: { id: true, slug: true, name: true },
    });
    // On a paid plan: the matrix is about who may reach what, not about plan limits
    // (the JSON API, for one, is a paid feature).
    await admin.subscription.create({
      data: { organizationId: orgs[key].id, plan: "business", status: "ACTIVE" },
    });
  }
  let tenantAdmin = { A: admin, B: admin };
  if (placeBInDedicated) {
    const dedicatedB = await dedicatedDatabase(admin);
    await placeOrganization(admin, orgs.B.id, dedicatedB.id);
    tenantAdmin = { A: admin, B: dedicatedB.admin };
  }
  const users = {} as World["users"];
  const roles: World["roles"] = { ownerA: {}, memberA: {}, ownerB: {}, anonymous: {}, keyA: {} };
  for (const [actor, [org, role]] of Object.entries(membershipsOf) as [Person, [OrgKey, Role]][]) {
    const email = `${actor.toLowerCase()}-${tag}@example.test`;
    const user = await admin.user.create({
      data: { email, name: actor, emailVerified: new Date() },
      select: { id: true },
    });
    await admin.membership.create({
      data: { userId: user.id, organizationId: orgs[org].id, role },
    });
    const { token } = await createSession(admin, { userId: user.id });
    users[actor] = { id: user.id, email, token };
    roles[actor][org] = role;
  }
  const apiKeyA = generateApiKey("test");
  await admin.apiKey.create({
    data: {
      organizationId: orgs.A.id,
      name: `Key A ${tag}`,
      prefix: displayPrefixOf(apiKeyA),
      keyHash: hashApiKey(apiKeyA),
      scopes: [...apiKeyScopes],
      createdById: users.ownerA.id,
    },
  });
  return { tag, tenantAdmin, orgs, users, roles, apiKeyA };
}

/** A fresh user who is a member of `org`: the target of role changes and removals. */
export async function addMember(
  admin: Database,
  world: World,
  org: OrgKey,
  role: Role = "MEMBER",
): Promise<{ userId: string; membershipId: string; email: string }> {
  const email = `extra-${randomBytes(4).toString("hex")}-${world.tag}@example.test`;
  const user = await admin.user.create({
    data: { email, emailVerified: new Date() },
    select: { id: true },
  });
  const membership = await admin.membership.create({
    data: { userId: user.id, organizationId: world.orgs[org].id, role },
    select: { id: true },
  });
  return { userId: user.id, membershipId: membership.id, email };
}

/**
 * Everything both organizations hold, as one comparable string: a denied call must leave
 * it exactly as it was. Read with the admin client, so nothing is hidden from it.
 */
export async function snapshot(admin: Database, world: World): Promise<string> {
  const ids = [world.orgs.A.id, world.orgs.B.id];
  const where = { organizationId: { in: ids } };
  const orderBy = { id: "asc" } as const;
  const state = {
    organizations: await admin.organization.findMany({ where: { id: { in: ids } }, orderBy }),
    memberships: await admin.membership.findMany({ where, orderBy }),
    invitations: await admin.invitation.findMany({ where, orderBy }),
    projects: await tenantRows(world, (client, organizationId) =>
      client.project.findMany({ where: { organizationId }, orderBy }),
    ),
    attachments: await tenantRows(world, (client, organizationId) =>
      client.attachment.findMany({ where: { organizationId }, orderBy }),
    ),
    subscriptions: await admin.subscription.findMany({ where, orderBy }),
    // Last used is bookkeeping any call with the key refreshes, like a session's last seen.
    apiKeys: await admin.apiKey.findMany({
      where,
      orderBy,
      omit: { lastUsedAt: true, lastUsedIp: true },
    }),
    // Audit entries of denied calls would be harmless, but none are written: the chain
    // refuses before any handler runs.
    auditLogs: await tenantRows(world, (client, organizationId) =>
      client.auditLog.findMany({ where: { organizationId }, orderBy }),
    ),
    // Nothing of either organization may be left in the other's database.
    strays: [
      await admin.project.count({ where: { organizationId: world.orgs.B.id } }),
      await admin.auditLog.count({ where: { organizationId: world.orgs.B.id } }),
      await world.tenantAdmin.B.project.count({ where: { organizationId: world.orgs.A.id } }),
      await world.tenantAdmin.B.auditLog.count({ where: { organizationId: world.orgs.A.id } }),
      await admin.attachment.count({ where: { organizationId: world.orgs.B.id } }),
      await world.tenantAdmin.B.attachment.count({ where: { organizationId: world.orgs.A.id } }),
    ],
  };
  return JSON.stringify(state);
}

async function tenantRows<T>(
  world: World,
  read: (client: Database, organizationId: string) => Promise<T[]>,
): Promise<T[]> {
  const [a, b] = await Promise.all(
    (["A", "B"] as const).map((org) => read(world.tenantAdmin[org], world.orgs[org].id)),
  );
  return [...(a ?? []), ...(b ?? [])];
}
