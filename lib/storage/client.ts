import "server-only";

import { S3Client } from "@aws-sdk/client-s3";
import { env } from "@/lib/env";
import { ProviderUnavailableError } from "@/lib/errors";

// Bounded twice (handler timeouts, a per-call `deadline()`): a hung storage never sticks a worker.
export const STORAGE_CALL_TIMEOUT_MS = 5_000;

export type StorageConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export class StorageNotConfiguredError extends ProviderUnavailableError {
  constructor() {
    super("File uploads are not set up on this server.");
    this.name = "StorageNotConfiguredError";
  }
}

export function storageConfig(): StorageConfig | null {
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return null;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  };
}

export function createStorageClient(config: StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    // A custom endpoint (R2, MinIO, the local server) is addressed by path: no DNS per bucket.
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    maxAttempts: 2,
    // Checksums only where S3 requires them: several S3-compatible stores reject the newer ones.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { connectionTimeout: 2_000, requestTimeout: STORAGE_CALL_TIMEOUT_MS },
  });
}

let cached: { client: S3Client; config: StorageConfig } | undefined;

export function storage(): { client: S3Client; config: StorageConfig } {
  if (cached) return cached;
  const config = storageConfig();
  if (!config) throw new StorageNotConfiguredError();
  cached = { client: createStorageClient(config), config };
  return cached;
}

export function deadline(ms = STORAGE_CALL_TIMEOUT_MS): { abortSignal: AbortSignal } {
  return { abortSignal: AbortSignal.timeout(ms) };
}
