import "server-only";

import { GetObjectCommand } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { storage } from "./client";
import { uploadLimits, type UploadKind } from "./limits";

export const UPLOAD_WINDOW_SECONDS = 300;
export const DOWNLOAD_LINK_SECONDS = 60;

export type PresignedUpload = { url: string; fields: Record<string, string>; key: string };

// Key, content type and size range are in the signed policy, so the storage refuses anything else.
export async function presignUpload(
  key: string,
  kind: UploadKind,
  contentType: string,
): Promise<PresignedUpload> {
  const { client, config } = storage();
  const { url, fields } = await createPresignedPost(client, {
    Bucket: config.bucket,
    Key: key,
    Conditions: [
      ["content-length-range", 1, uploadLimits[kind].maxBytes],
      ["eq", "$Content-Type", contentType],
    ],
    Fields: { "Content-Type": contentType },
    Expires: UPLOAD_WINDOW_SECONDS,
  });
  return { url, fields, key };
}

// ASCII only: some S3-compatible servers encode ' and * differently when checking the signature.
function asciiName(name: string): string {
  return name.replace(/[^A-Za-z0-9 ._-]/g, "_").slice(0, 150) || "file";
}

export async function presignDownload(
  key: string,
  options: { download?: string; contentType?: string } = {},
): Promise<string> {
  const { client, config } = storage();
  const command = new GetObjectCommand({
    Bucket: config.bucket,
    Key: key,
    ...(options.download
      ? {
          ResponseContentDisposition: `attachment; filename="${asciiName(options.download)}"`,
        }
      : {}),
    ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
  });
  return getSignedUrl(client, command, { expiresIn: DOWNLOAD_LINK_SECONDS });
}
