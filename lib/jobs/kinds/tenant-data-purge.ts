import "server-only";

import { z } from "zod";
import { purgeTenantData } from "@/lib/db/tenant-databases/fan-out";
import { logger } from "@/lib/observability/logger";
import { defineJob } from "../define";

// A deleted organization's rows in its dedicated database, retried while that database is down.
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
