import "server-only";

import { z } from "zod";
import { purgeTenantData } from "@/lib/db/tenant-databases/fan-out";
import { logger } from "@/lib/observability/logger";
import { defineJob } from "../define";

// An organization in a dedicated database was deleted: its rows there go too. Retried with
// backoff while that database does not answer.
export const tenantDataPurgeJob = defineJob({
  kind: "tenant-data-purge",
  payload: z.object({ organizationId: z.string().max(100), databaseId: z.string().max(100) }),
  maxAttempts: 10,
  concurrency: 2,
  handler: async ({ organizationId, databaseId }) => {
    const deleted = await purgeTenantData(databaseId, organizationId);
    logger.info(
      { organizationId, databaseId, deleted },
      "[tenancy] purged a deleted organization's tenant rows",
    );
    return [];
  },
});
