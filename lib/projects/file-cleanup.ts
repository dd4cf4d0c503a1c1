import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { storageConfig } from "@/lib/storage/client";
import { projectPrefix } from "@/lib/storage/keys";

// Call in the transaction deleting a project: attachment rows go by cascade, and their files
// (the whole project prefix, finished uploads or not) once it commits.
export async function queueProjectFileDeletion(
  tx: ScopedDb,
  organizationId: string,
  projectId: string,
): Promise<void> {
  if (!storageConfig()) return;
  await enqueueJob(tx, "storage-delete-prefix", {
    prefix: projectPrefix(organizationId, projectId),
  });
}
