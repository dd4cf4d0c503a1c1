import "server-only";

import { after } from "next/server";
import { redactedError } from "@/lib/http/redact-url";
import { deliverOutbox } from "./deliver";
import { logger } from "@/lib/observability/logger";

/**
 * Delivers due outbox messages once the response has been sent, so a slow or
 * failing mail provider never slows down or fails the request that queued the mail.
 * Call it from a server action or route handler after the transaction that
 * enqueued the messages has committed. Pass the ids returned by `enqueueEmail` to
 * send only those; without ids, anything due is sent.
 *
 * Errors are logged, not thrown: whatever is not delivered here stays in the outbox
 * and the cron route (/api/cron/outbox) delivers it.
 */
export function deliverOutboxAfterResponse(ids?: readonly string[]): void {
  after(async () => {
    try {
      await deliverOutbox(ids ? { ids } : {});
    } catch (error) {
      logger.error(
        { err: redactedError(error) },
        "[outbox] delivery after the response failed; the cron will retry",
      );
    }
  });
}
