import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/outbox/enqueue";

/**
 * The welcome email, queued in the transaction that confirms the address: at password sign-up
 * that is the verification link, for magic-link and OAuth sign-ups the account's creation. The
 * outbox's unique dedupe key makes it one per user, ever, whichever way they came in.
 */
export function queueWelcomeEmail(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string; name: string | null },
): Promise<string> {
  return enqueueEmail(tx, {
    to: user.email,
    template: "welcome",
    data: { name: user.name },
    dedupeKey: `welcome:${user.id}`,
  });
}
