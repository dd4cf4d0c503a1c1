import "server-only";

import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { withScope } from "@/lib/db/tenant";
import { inEveryTenantDatabase } from "@/lib/db/tenant-databases/fan-out";
import type { RequestContext } from "@/lib/auth/flows/context";

const auditFields = {
  action: true,
  organizationId: true,
  targetType: true,
  targetId: true,
  ipAddress: true,
  userAgent: true,
  metadata: true,
  createdAt: true,
} as const;

// Secrets are described, not exported.
export async function exportUserData(userId: string, ctx: RequestContext) {
  const data = await collectUserData(userId, ctx.now);
  await recordAudit(db, {
    action: "account.exported",
    actorId: userId,
    targetType: "user",
    targetId: userId,
    ipAddress: ctx.ipAddress,
    userAgent: ctx.userAgent,
  });
  return data;
}

// Unaudited: each caller records who asked (the user themselves, or staff with a reason).
export async function collectUserData(userId: string, now: Date = new Date()) {
  // The user's own scope (organization rows stay with it). One query at a time: nested selects run
  // concurrently on the transaction's single connection, which pg deprecates.
  const user = await withScope({ userId }, async (tx) => {
    const where = { userId };
    const base = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        emailVerified: true,
        image: true,
        createdAt: true,
        updatedAt: true,
        passwordHash: true,
        passwordChangedAt: true,
        twoFactorEnabledAt: true,
        // Their referral link's code, and who referred them (an id: the referrer's own data is theirs).
        referralCode: true,
        referredById: true,
      },
    });
    const accounts = await tx.account.findMany({
      where,
      select: { provider: true, providerAccountId: true, createdAt: true },
    });
    const sessions = await tx.session.findMany({
      where,
      select: {
        id: true,
        createdAt: true,
        lastSeenAt: true,
        expires: true,
        ipAddress: true,
        userAgent: true,
      },
    });
    const memberships = await tx.membership.findMany({
      where,
      select: {
        role: true,
        createdAt: true,
        organization: { select: { id: true, slug: true, name: true } },
      },
    });
    const auditLogs = await tx.auditLog.findMany({
      where: { actorId: userId },
      orderBy: { createdAt: "asc" },
      select: auditFields,
    });
    const recoveryCodes = await tx.recoveryCode.findMany({
      where,
      select: { usedAt: true, createdAt: true },
    });
    return { ...base, accounts, sessions, memberships, auditLogs, recoveryCodes };
  });
  // Entries about organizations in dedicated databases are kept there (README, "Hybrid tenancy").
  const dedicated = await inEveryTenantDatabase({ userId }, (tx) =>
    tx.auditLog.findMany({
      where: { actorId: userId },
      orderBy: { createdAt: "asc" },
      select: auditFields,
    }),
  );
  const { passwordHash, recoveryCodes, auditLogs, ...rest } = user;
  return {
    exportedAt: now.toISOString(),
    format: "keel-user-export/1",
    user: {
      ...rest,
      auditLogs: [...auditLogs, ...dedicated.flat()].sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
      ),
      hasPassword: passwordHash !== null,
      recoveryCodes: {
        total: recoveryCodes.length,
        unused: recoveryCodes.filter((c) => !c.usedAt).length,
      },
    },
  };
}
