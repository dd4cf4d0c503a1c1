import "server-only";

import { billingSnapshot, effectivePlan } from "@/lib/billing/plans/entitlements";
import type { Plan } from "@/lib/billing/plans/plans";
import { enterOrganization, withScope } from "@/lib/db/tenant";
import { hashApiKey, isWellFormedApiKey } from "./format";
import { isApiKeyScope, type ApiKeyScope } from "./scopes";

export type ApiKeyCaller = {
  keyId: string;
  organization: { id: string; slug: string; name: string };
  scopes: ApiKeyScope[];
  plan: Plan;
};

export type ApiKeyVerdict =
  | { ok: true; caller: ApiKeyCaller }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "suspended" };

// Last used is written at most once a minute per key, so a busy key is not a write per request.
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The key's organization, scopes and plan, read fresh on every request: a revoked key fails on
 * the very next call. A key that fails its checksum never reaches the database.
 */
export async function verifyApiKey(
  secret: string,
  ipAddress: string | null,
  now = new Date(),
): Promise<ApiKeyVerdict> {
  if (!isWellFormedApiKey(secret)) return { ok: false, reason: "malformed" };
  const keyHash = hashApiKey(secret);
  return withScope({ apiKeyHash: keyHash }, async (tx): Promise<ApiKeyVerdict> => {
    const key = await tx.apiKey.findUnique({
      where: { keyHash },
      select: {
        id: true,
        organizationId: true,
        scopes: true,
        revokedAt: true,
        expiresAt: true,
        lastUsedAt: true,
        organization: { select: { id: true, slug: true, name: true, suspendedAt: true } },
      },
    });
    if (!key) return { ok: false, reason: "unknown" };
    if (key.revokedAt) return { ok: false, reason: "revoked" };
    if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) {
      return { ok: false, reason: "expired" };
    }
    // Staff suspended the organization: its keys are refused, and nothing is recorded as used.
    if (key.organization.suspendedAt) return { ok: false, reason: "suspended" };
    await enterOrganization(tx, key.organizationId);
    const plan = effectivePlan(await billingSnapshot(tx, key.organizationId));
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await tx.apiKey.updateMany({
        where: { id: key.id, organizationId: key.organizationId },
        data: { lastUsedAt: now, lastUsedIp: ipAddress },
      });
    }
    return {
      ok: true,
      caller: {
        keyId: key.id,
        organization: {
          id: key.organization.id,
          slug: key.organization.slug,
          name: key.organization.name,
        },
        scopes: key.scopes.filter(isApiKeyScope),
        plan,
      },
    };
  });
}
