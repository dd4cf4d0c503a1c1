import "server-only";

import { runSignUpJob, SIGN_UP_KIND, signUpJobSchema } from "@/lib/auth/flows/sign-up";
import { defineJob } from "../define";

export const signUpJob = defineJob({
  kind: SIGN_UP_KIND,
  payload: signUpJobSchema,
  maxAttempts: 8,
  concurrency: 10,
  transactional: true,
  sensitivePayload: true,
  handler: (payload, { db, now }) => runSignUpJob(db, payload, now),
});
