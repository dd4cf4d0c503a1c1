import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { inOrganization, withTenant, type ScopedDb } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import type { MemberContext } from "@/lib/tenancy/context";
import { displayPrefixOf, generateApiKey, hashApiKey } from "./format";
import type { ApiKeyScope } from "./scopes";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Null once the user who made it is deleted; the key itself lives on. */
  createdBy: { name: string | null; email: string } | null;
};

const keyFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

export type NewApiKey = { name: string; scopes: ApiKeyScope[]; expiresAt: Date | null };

function audit(
  tx: ScopedDb,
  ctx: MemberContext,
  action: AuditAction,
  keyId: string,
  metadata: Record<string, string | string[]>,
) {
  return recordAudit(tx, {
    action,
    actorId: ctx.userId,
    organizationId: ctx.organization.id,
    targetType: "api_key",
    targetId: keyId,
    ipAddress: ctx.client.ipAddress,
    userAgent: ctx.client.userAgent,
    metadata,
  });
}

export async function listApiKeys(organizationId: string): Promise<ApiKeyView[]> {
  return withTenant(organizationId, (tx) =>
    tx.apiKey.findMany({
      where: inOrganization(organizationId),
      select: keyFields,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  );
}

/** Creates a key and returns its secret: the only time anyone sees it. */
export async function createApiKey(
  ctx: MemberContext,
  input: NewApiKey,
): Promise<{ key: ApiKeyView; secret: string }> {
  const secret = generateApiKey(env.NODE_ENV === "production" ? "live" : "test");
  const organizationId = ctx.organization.id;
  return withTenant(organizationId, async (tx) => {
    const key = await tx.apiKey.create({
      data: {
        organizationId,
        name: input.name,
        prefix: displayPrefixOf(secret),
        keyHash: hashApiKey(secret),
        scopes: input.scopes,
        expiresAt: input.expiresAt,
        createdById: ctx.userId,
      },
      select: keyFields,
    });
    await audit(tx, ctx, "api.key_created", key.id, {
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
    });
    return { key, secret };
  });
}

export async function revokeApiKey(ctx: MemberContext, id: string): Promise<void> {
  const organizationId = ctx.organization.id;
  await withTenant(organizationId, async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id, revokedAt: null, ...inOrganization(organizationId) },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound("That API key");
    const key = await tx.apiKey.findFirstOrThrow({
      where: { id, ...inOrganization(organizationId) },
      select: { name: true, prefix: true },
    });
    await audit(tx, ctx, "api.key_revoked", id, key);
  });
}

export async function changeApiKeyScopes(
  ctx: MemberContext,
  id: string,
  scopes: ApiKeyScope[],
): Promise<void> {
  const organizationId = ctx.organization.id;
  await withTenant(organizationId, async (tx) => {
    const before = await tx.apiKey.findFirst({
      where: { id, revokedAt: null, ...inOrganization(organizationId) },
      select: { name: true, scopes: true },
    });
    if (!before) throw notFound("That API key");
    await tx.apiKey.updateMany({
      where: { id, ...inOrganization(organizationId) },
      data: { scopes },
    });
    await audit(tx, ctx, "api.key_scopes_changed", id, {
      name: before.name,
      from: before.scopes,
      to: scopes,
    });
  });
}
