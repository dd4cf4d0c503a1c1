import "server-only";

import type { AuthenticatedContext } from "@/lib/tenancy/context";
import { ExpectedError, FieldError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { enterOrganization, withScope } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { createSampleProjects } from "@/lib/onboarding/sample-projects";
import { referrerForNewOrganization } from "@/lib/referrals/record";
import { suggestSlug } from "@/lib/tenancy/slug";
import type { CreateOrganizationInput } from "./schemas";

export type CreatedOrganization = { id: string; slug: string; name: string };

// Confirmed addresses only: the organization emails invitations in its owner's name.
export async function createOrganization(
  ctx: AuthenticatedContext,
  input: CreateOrganizationInput,
): Promise<CreatedOrganization> {
  if (!ctx.session.user.emailVerified) {
    throw new ExpectedError("Confirm your email address before creating an organization.", 403);
  }
  try {
    return await withScope({ userId: ctx.userId }, async (tx) => {
      // Not a tenant row: created first, then the transaction enters it to write tenant rows.
      const referredByUserId = await referrerForNewOrganization(tx, ctx.userId);
      const organization = await tx.organization.create({
        data: { name: input.name, slug: input.slug, referredByUserId },
        select: { id: true, slug: true, name: true },
      });
      await enterOrganization(tx, organization.id);
      await tx.membership.create({
        data: { organizationId: organization.id, userId: ctx.userId, role: "OWNER" },
      });
      await tx.subscription.create({ data: { organizationId: organization.id } });
      await recordAudit(tx, {
        action: "organization.created",
        actorId: ctx.userId,
        organizationId: organization.id,
        targetType: "organization",
        targetId: organization.id,
        ipAddress: ctx.client.ipAddress,
        userAgent: ctx.client.userAgent,
        metadata: { slug: organization.slug, name: organization.name },
      });
      // Only when asked, and in this transaction: no organization exists without its samples.
      if (input.sampleProjects) {
        await createSampleProjects(tx, organization.id, { userId: ctx.userId, ...ctx.client });
      }
      return organization;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const alternative = suggestSlug(`${input.slug}-${Math.floor(Math.random() * 900) + 100}`);
      throw new FieldError(
        "slug",
        `That address is taken.${alternative ? ` How about “${alternative}”?` : ""}`,
        409,
      );
    }
    throw error;
  }
}
