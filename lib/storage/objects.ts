import "server-only";

import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { deadline, storage } from "./client";

export type StoredObject = { size: number; contentType: string | undefined };

export async function headObject(key: string): Promise<StoredObject | null> {
  const { client, config } = storage();
  try {
    const head = await client.send(
      new HeadObjectCommand({ Bucket: config.bucket, Key: key }),
      deadline(),
    );
    return { size: head.ContentLength ?? 0, contentType: head.ContentType };
  } catch (error) {
    if (error instanceof NotFound) return null;
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
    throw error;
  }
}

// A bound on one job run: a larger prefix is finished by the job's next run.
const MAX_PAGES_PER_CALL = 2;
const DELETE_CONCURRENCY = 10;

export async function deletePrefix(prefix: string): Promise<{ deleted: number; more: boolean }> {
  const { client, config } = storage();
  let deleted = 0;
  for (let page = 0; page < MAX_PAGES_PER_CALL; page++) {
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix, MaxKeys: 500 }),
      deadline(),
    );
    const keys = (listed.Contents ?? []).flatMap((item) => (item.Key ? [{ Key: item.Key }] : []));
    if (keys.length === 0) return { deleted, more: false };
    // One DeleteObject per key: multi-object delete differs between S3-compatible stores.
    for (let i = 0; i < keys.length; i += DELETE_CONCURRENCY) {
      await Promise.all(
        keys
          .slice(i, i + DELETE_CONCURRENCY)
          .map(({ Key }) =>
            client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key }), deadline()),
          ),
      );
    }
    deleted += keys.length;
    if (!listed.IsTruncated) return { deleted, more: false };
  }
  return { deleted, more: true };
}
