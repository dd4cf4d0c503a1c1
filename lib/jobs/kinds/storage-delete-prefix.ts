import "server-only";

import { z } from "zod";
import { logger } from "@/lib/observability/logger";
import { storageConfig } from "@/lib/storage/client";
import { deletePrefix } from "@/lib/storage/objects";
import { defineJob, RetryableJobError } from "../define";

// Queued in the transaction deleting a project, organization or user, so files go once it commits.
// Storage failures retry with backoff; a prefix too large for one run is finished by the next.
export const storageDeletePrefixJob = defineJob({
  kind: "storage-delete-prefix",
  // A prefix ends in "/"; a single object's key is a prefix of itself.
  payload: z.object({
    prefix: z.string().regex(/^(org|user)\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_\/-]*$/),
  }),
  maxAttempts: 10,
  concurrency: 2,
  handler: async ({ prefix }) => {
    if (!storageConfig()) {
      logger.warn({ prefix }, "[storage] no bucket configured: nothing to delete");
      return [];
    }
    const { deleted, more } = await deletePrefix(prefix);
    logger.info({ prefix, deleted, more }, "[storage] deleted a prefix");
    if (more) throw new RetryableJobError(`More objects are left under ${prefix}.`);
    return [];
  },
});
