import "server-only";

import { withScope } from "@/lib/db/tenant";
import { ExpectedError, FieldError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/observability/logger";
import { storageConfig } from "@/lib/storage/client";
import { avatarPrefix, isKeyUnder, newObjectKey } from "@/lib/storage/keys";
import { checkUpload } from "@/lib/storage/limits";
import { headObject } from "@/lib/storage/objects";
import { presignDownload, presignUpload, type PresignedUpload } from "@/lib/storage/presign";

export type Profile = { name: string | null; avatarUrl: string | null };

// The picture is a nicety: a storage that does not answer leaves the initials.
export async function avatarUrlOf(avatarKey: string | null): Promise<string | null> {
  if (!avatarKey || !storageConfig()) return null;
  return presignDownload(avatarKey).catch((error: unknown) => {
    logger.warn({ err: error }, "[storage] could not sign an avatar link");
    return null;
  });
}

export async function profileOf(userId: string): Promise<Profile> {
  const user = await withScope({ userId }, (tx) =>
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, avatarKey: true } }),
  );
  return { name: user.name, avatarUrl: await avatarUrlOf(user.avatarKey) };
}

export async function updateName(userId: string, name: string): Promise<{ name: string }> {
  await withScope({ userId }, (tx) => tx.user.update({ where: { id: userId }, data: { name } }));
  return { name };
}

async function fromStorage<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ExpectedError) throw error;
    logger.error({ err: error }, "[storage] an avatar upload step failed");
    throw new ExpectedError("File storage is not answering. Please try again in a moment.", 503);
  }
}

export async function prepareAvatarUpload(
  userId: string,
  file: { contentType: string; size: number },
): Promise<PresignedUpload> {
  const check = checkUpload("avatar", { size: file.size, type: file.contentType });
  if (!check.ok) throw new FieldError("file", check.error);
  const key = newObjectKey(avatarPrefix(userId));
  return fromStorage(() => presignUpload(key, "avatar", file.contentType));
}

/** Records an uploaded picture once the storage holds it within the limits; the old one goes. */
export async function confirmAvatar(userId: string, key: string): Promise<{ ok: true }> {
  if (!isKeyUnder(key, avatarPrefix(userId))) {
    throw new FieldError("file", "That upload does not belong to your account.");
  }
  const stored = await fromStorage(() => headObject(key));
  if (!stored) throw new FieldError("file", "The upload did not arrive. Please try again.");
  const check = checkUpload("avatar", { size: stored.size, type: stored.contentType ?? "" });
  if (!check.ok) throw new FieldError("file", check.error);
  await withScope({ userId }, async (tx) => {
    const { avatarKey } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { avatarKey: true },
    });
    await tx.user.update({ where: { id: userId }, data: { avatarKey: key } });
    if (avatarKey && avatarKey !== key) {
      await enqueueJob(tx, "storage-delete-prefix", { prefix: avatarKey });
    }
  });
  return { ok: true };
}

export async function removeAvatar(userId: string): Promise<{ ok: true }> {
  await withScope({ userId }, async (tx) => {
    const { avatarKey } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { avatarKey: true },
    });
    if (!avatarKey) return;
    await tx.user.update({ where: { id: userId }, data: { avatarKey: null } });
    await enqueueJob(tx, "storage-delete-prefix", { prefix: avatarKey });
  });
  return { ok: true };
}

/** Signed picture links of these users, by id (one query; signing is local). */
export async function avatarUrlsOf(userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0 || !storageConfig()) return new Map();
  const users = await withScope({}, (tx) =>
    tx.user.findMany({
      where: { id: { in: userIds }, avatarKey: { not: null } },
      select: { id: true, avatarKey: true },
    }),
  );
  const urls = new Map<string, string>();
  for (const user of users) {
    const url = await avatarUrlOf(user.avatarKey);
    if (url) urls.set(user.id, url);
  }
  return urls;
}
