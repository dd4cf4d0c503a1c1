import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import type { RequestContext } from "@/lib/auth/flows/context";
import { exportUserData } from "./build";
import { EXPORT_LINK_HOURS, exportLink } from "./link";

// Asking again within the window returns the same job.
const REQUEST_WINDOW_MS = 10 * 60_000;

export type ExportRequest = { userId: string; ipAddress: string | null; userAgent: string | null };

export function requestAccountExport(
  userId: string,
  ctx: RequestContext,
  client: Prisma.TransactionClient = db,
): Promise<string> {
  const now = ctx.now ?? new Date();
  const window = Math.floor(now.getTime() / REQUEST_WINDOW_MS);
  return enqueueJob(
    client,
    "account-export",
    { userId, ipAddress: ctx.ipAddress, userAgent: ctx.userAgent },
    { dedupeKey: `account-export:${userId}:${window}` },
  );
}

export class ExportUserGoneError extends Error {
  constructor() {
    super("The user asked for an export and was deleted before it was built");
    this.name = "ExportUserGoneError";
  }
}

// Keyed by the job: a retry finds the export and the email already made.
export async function buildAndStoreExport(
  request: ExportRequest,
  jobId: string,
  now: Date,
): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: request.userId },
    select: { name: true, email: true },
  });
  if (!user) throw new ExportUserGoneError();
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_HOURS * 60 * 60_000);
  const existing = await db.accountExport.findUnique({
    where: { jobId },
    select: { id: true, expiresAt: true },
  });
  const stored =
    existing ??
    (await db.accountExport.create({
      data: {
        userId: request.userId,
        jobId,
        expiresAt,
        data: (await exportUserData(request.userId, {
          ipAddress: request.ipAddress,
          userAgent: request.userAgent,
          now,
        })) as unknown as Prisma.InputJsonValue,
      },
      select: { id: true, expiresAt: true },
    }));
  return enqueueEmail(db, {
    to: user.email,
    template: "accountExport",
    data: {
      name: user.name,
      url: exportLink(stored.id, request.userId, stored.expiresAt),
      expiresInHours: EXPORT_LINK_HOURS,
    },
    dedupeKey: `account-export:${stored.id}`,
  });
}

/** Only for its own user and only while valid. */
export async function readExport(
  exportId: string,
  userId: string,
  now = new Date(),
): Promise<{ data: Prisma.JsonValue; createdAt: Date } | null> {
  return db.accountExport.findFirst({
    where: { id: exportId, userId, expiresAt: { gt: now } },
    select: { data: true, createdAt: true },
  });
}
