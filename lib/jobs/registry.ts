import "server-only";

import type { JobDefinition } from "./define";
import { accountExportJob } from "./kinds/account-export";
import { emailJob } from "./kinds/email";
import { metricsSnapshotJob } from "./kinds/metrics-snapshot";
import { referralCreditJob } from "./kinds/referral-credit";
import { retentionJob } from "./kinds/retention";
import { seatSyncJob } from "./kinds/seat-sync";
import { signUpJob } from "./kinds/sign-up";
import { storageDeletePrefixJob } from "./kinds/storage-delete-prefix";
import { tenantDataPurgeJob } from "./kinds/tenant-data-purge";
import { tenantMoveJob } from "./kinds/tenant-move";
import { usageFlushJob } from "./kinds/usage-flush";
import { usageReportJob } from "./kinds/usage-report";

const kinds = [
  emailJob,
  signUpJob,
  seatSyncJob,
  accountExportJob,
  retentionJob,
  usageFlushJob,
  usageReportJob,
  metricsSnapshotJob,
  tenantDataPurgeJob,
  tenantMoveJob,
  referralCreditJob,
  storageDeletePrefixJob,
] as const;

type Kinds = (typeof kinds)[number];
type PayloadsByKind = {
  [Kind in Kinds["kind"]]: Extract<Kinds, { kind: Kind }> extends JobDefinition<Kind, infer Payload>
    ? Payload
    : never;
};

// Gives enqueueJob the payload type of each kind without ./enqueue importing the handlers.
declare module "./enqueue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JobPayloads extends PayloadsByKind {}
}

export type AnyJobDefinition = JobDefinition<string, never>;

export const jobRegistry: ReadonlyMap<string, AnyJobDefinition> = new Map(
  kinds.map((kind) => [kind.kind, kind as unknown as AnyJobDefinition]),
);
