import "server-only";

import type { ScopedDb } from "@/lib/db/tenant";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { storageConfig } from "@/lib/storage/client";
import { organizationPrefix } from "@/lib/storage/keys";

/**
 * Call in the transaction that deletes an organization, before the delete. In the main database
 * its tenant rows go by cascade; in a dedicated one a job deletes them once this commits. Its
 * files (logo, attachments) are deleted from the storage by a job too.
 */
export async function queueTenantDataPurge(tx: ScopedDb, organizationId: string): Promise<void> {
  if (storageConfig()) {
    await enqueueJob(tx, "storage-delete-prefix", { prefix: organizationPrefix(organizationId) });
  }
  const org = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { tenantDatabaseId: true },
  });
  if (!org?.tenantDatabaseId) return;
  await enqueueJob(tx, "tenant-data-purge", {
    organizationId,
    databaseId: org.tenantDatabaseId,
  });
}
