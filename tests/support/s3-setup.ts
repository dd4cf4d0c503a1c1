import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appOrigins, startLocalS3 } from "../../scripts/lib/local-s3";

/**
 * Vitest global setup for the integration project: the local S3 server for the run, with its
 * bucket, in a temporary folder. Workers inherit S3_* and upload, sign and delete against it
 * as the app does against a real bucket.
 */
export default async function setup() {
  const directory = await mkdtemp(path.join(os.tmpdir(), "keel-s3-"));
  const s3 = await startLocalS3({
    port: 0,
    directory,
    allowedOrigins: appOrigins("http://localhost:3000"),
  });
  Object.assign(process.env, s3.env);
  return async () => {
    await s3.stop();
    await rm(directory, { recursive: true, force: true });
  };
}
