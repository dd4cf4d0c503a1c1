import "server-only";

import { z } from "zod";
import { buildAndStoreExport, ExportUserGoneError } from "@/lib/account/export/store";
import { defineJob, PermanentJobError } from "../define";

export const accountExportJob = defineJob({
  kind: "account-export",
  payload: z.object({
    userId: z.string().min(1),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
  maxAttempts: 5,
  // Exports read a user's whole history: a few at a time keep the database responsive.
  concurrency: 2,
  handler: async (request, { jobId, now }) => {
    try {
      return [await buildAndStoreExport(request, jobId, now)];
    } catch (error) {
      if (error instanceof ExportUserGoneError) throw new PermanentJobError(error.message);
      throw error;
    }
  },
});
