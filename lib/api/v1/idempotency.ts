import "server-only";

import { createHash } from "node:crypto";
import { inOrganization, withTenant } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

type Owner = { organizationId: string; apiKeyId: string };

export type Reservation =
  | { kind: "reserved"; id: string }
  | { kind: "replay"; status: number; body: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

export function requestHashOf(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

// Claimed before the request runs: the unique (apiKeyId, key) lets only one of two concurrent
// retries insert, so they cannot both create.
export async function reserveIdempotencyKey(
  owner: Owner,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<Reservation> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await withTenant(owner.organizationId, (tx) =>
      tx.idempotencyKey.findFirst({
        where: { apiKeyId: owner.apiKeyId, key, ...inOrganization(owner.organizationId) },
      }),
    );
    if (existing && now.getTime() - existing.createdAt.getTime() >= IDEMPOTENCY_WINDOW_MS) {
      await withTenant(owner.organizationId, (tx) =>
        tx.idempotencyKey.deleteMany({
          where: { id: existing.id, ...inOrganization(owner.organizationId) },
        }),
      );
      continue;
    }
    if (existing) {
      if (existing.requestHash !== requestHash) return { kind: "mismatch" };
      if (existing.status === null || existing.body === null) return { kind: "in_progress" };
      return { kind: "replay", status: existing.status, body: existing.body };
    }
    try {
      const row = await withTenant(owner.organizationId, (tx) =>
        tx.idempotencyKey.create({
          data: { ...owner, key, requestHash, createdAt: now },
          select: { id: true },
        }),
      );
      return { kind: "reserved", id: row.id };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
        throw error;
      }
    }
  }
  return { kind: "in_progress" };
}

/** Keeps a success for replay; anything else frees the key so the client may retry. */
export async function settleIdempotencyKey(
  owner: Owner,
  id: string,
  response: { status: number; body: string } | null,
): Promise<void> {
  await withTenant(owner.organizationId, (tx) =>
    response
      ? tx.idempotencyKey.updateMany({
          where: { id, ...inOrganization(owner.organizationId) },
          data: { status: response.status, body: response.body },
        })
      : tx.idempotencyKey.deleteMany({ where: { id, ...inOrganization(owner.organizationId) } }),
  );
}
